using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ActorProc.Reports;

/// <summary>Writes a <see cref="JobReport"/> as <c>succeeded.txt</c>, <c>failed.txt</c> and <c>report.json</c>.</summary>
internal static class JobReportWriter
{
    public const string SucceededFile = "succeeded.txt";
    public const string FailedFile = "failed.txt";
    public const string JsonFile = "report.json";

    public static void Write(JobReport report, string directory)
    {
        using (var succeeded = new StreamWriter(Path.Combine(directory, SucceededFile), false, new UTF8Encoding(false)))
        using (var failed = new StreamWriter(Path.Combine(directory, FailedFile), false, new UTF8Encoding(false)))
        {
            foreach (var task in report.Results)
            {
                if (task.Status == TaskOutcome.Succeeded) succeeded.WriteLine(FormatLine(task.InputValue));
                else failed.WriteLine($"{FormatLine(task.InputValue)}\t{task.Status}\t{task.Exception?.GetType().Name}\t{FormatLine(task.Exception?.Message)}");
            }
        }
        using var json = File.Create(Path.Combine(directory, JsonFile));
        WriteJson(report, json);
    }

    /// <summary>A value as one line of text: invariant culture, with backslash, tab and line breaks escaped.</summary>
    public static string FormatLine(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.AsSpan().IndexOfAny("\\\t\r\n") < 0) return text;
        return text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");
    }

    private static void WriteJson(JobReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("jobId", report.JobId);
        w.WriteString("outcome", report.Outcome.ToString());
        w.WriteString("startedAt", report.StartedAt);
        w.WriteNumber("elapsedMs", Math.Round(report.Elapsed.TotalMilliseconds, 3));
        w.WriteNumber("total", report.Total);
        w.WriteNumber("succeeded", report.Succeeded);
        w.WriteNumber("failed", report.Failed);
        w.WriteNumber("timedOut", report.TimedOut);
        w.WriteNumber("cancelled", report.Cancelled);
        w.WriteNumber("retries", report.Retries);
        if (report.Reason is null) w.WriteNull("reason");
        else w.WriteString("reason", report.Reason);
        w.WriteStartArray("tasks");
        foreach (var task in report.Results)
        {
            w.WriteStartObject();
            w.WriteNumber("index", task.Index);
            w.WriteString("taskId", task.Id.ToString());
            w.WriteString("status", task.Status.ToString());
            w.WriteNumber("attempts", task.Attempts);
            w.WriteNumber("durationMs", Math.Round(task.Duration.TotalMilliseconds, 3));
            w.WritePropertyName("input");
            WriteValue(w, task.InputValue);
            if (task.Status == TaskOutcome.Succeeded)
            {
                w.WritePropertyName("value");
                WriteValue(w, task.OutputValue);
            }
            if (task.Exception is { } error)
            {
                w.WriteStartObject("error");
                w.WriteString("type", error.GetType().FullName);
                w.WriteString("message", error.Message);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes a value with System.Text.Json, or as its text when it cannot be serialized.</summary>
    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
            return;
        }
        byte[] bytes;
        try
        {
            bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType());
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
        {
            w.WriteStringValue(FormatLine(value));
            return;
        }
        w.WriteRawValue(bytes, skipInputValidation: true);
    }
}
