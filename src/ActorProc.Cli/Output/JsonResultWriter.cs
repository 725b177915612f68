using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorProc.Cli.Output;

/// <summary>
/// Writes a <see cref="RunResult"/> as the <c>--json</c> document (also saved as report.json):
/// <c>task, succeeded, failed, elapsed_ms, results, errors</c>, then <c>lines</c> and <c>skipped</c>
/// for the counting tasks, and the additions <c>outcome</c>, <c>retried</c>, <c>total_keys</c>.
/// </summary>
internal static class JsonResultWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Paths and words in other scripts stay readable; the output is UTF-8 either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RunResult result, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("task", result.Task);
        w.WriteNumber("succeeded", result.Succeeded);
        w.WriteNumber("failed", result.Failed);
        w.WriteNumber("elapsed_ms", Math.Round(result.Elapsed.TotalMilliseconds, 3));
        if (result.Lines is { } lines)
        {
            w.WriteNumber("lines", lines.Lines);
            w.WriteNumber("skipped", lines.Skipped);
        }
        if (result.DistinctKeys is { } keys) w.WriteNumber("total_keys", keys);
        w.WriteString("outcome", OutcomeName(result.Outcome));
        w.WriteNumber("retried", result.Retried);
        w.WriteStartArray("results");
        foreach (var item in result.Results) item.WriteJson(w);
        w.WriteEndArray();
        w.WriteStartArray("errors");
        foreach (var error in result.Errors)
        {
            w.WriteStartObject();
            w.WriteString("input", error.Input);
            w.WriteString("error", error.Error);
            w.WriteNumber("attempts", error.Attempts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.Write("\n"u8);
    }

    /// <summary>The outcome as a kebab-case word: completed, cancelled, deadline-exceeded.</summary>
    public static string OutcomeName(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Cancelled => "cancelled",
        JobOutcome.DeadlineExceeded => "deadline-exceeded",
        _ => "completed",
    };
}
