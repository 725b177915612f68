using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorProc.Bench.Harness;

/// <summary>
/// Writes a <see cref="BenchReport"/> as the bench's JSON document:
/// <c>{"bench", "unit", "lower_is_better", "results": [{"name", "median", "min", "max", extras...}],
/// "ratios", "machine": {"cores", "os", "dotnet", ...}, "correct", "check", ...}</c>.
/// Numbers that are not finite (a contender that never ran) are written as null.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>One report as one JSON document.</summary>
    public static string Write(BenchReport report) => WriteWith(w => WriteReport(w, report));

    /// <summary>Several reports (the <c>all</c> command) as one JSON array.</summary>
    public static string WriteMany(IEnumerable<BenchReport> reports) => WriteWith(w =>
    {
        w.WriteStartArray();
        foreach (var report in reports)
        {
            WriteReport(w, report);
        }

        w.WriteEndArray();
    });

    private static string WriteWith(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // The document goes to a terminal or a file, never into HTML: keep "×" and "<" readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter w, BenchReport report)
    {
        var bench = report.Bench;
        w.WriteStartObject();
        w.WriteString("bench", bench.Name);
        w.WriteString("unit", bench.Unit);
        w.WriteBoolean("lower_is_better", bench.LowerIsBetter);
        w.WriteString("description", bench.Description);

        w.WriteStartArray("results");
        foreach (var result in report.Results)
        {
            w.WriteStartObject();
            w.WriteString("name", result.Name);
            WriteNumber(w, "median", result.Median);
            WriteNumber(w, "min", result.Min);
            WriteNumber(w, "max", result.Max);
            foreach (var (metric, value) in result.Extras)
            {
                WriteNumber(w, metric, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("ratios");
        foreach (var (name, value) in report.Ratios)
        {
            WriteNumber(w, name, value);
        }

        w.WriteEndObject();

        var machine = report.Machine;
        w.WriteStartObject("machine");
        w.WriteNumber("cores", machine.Cores);
        w.WriteString("os", machine.Os);
        w.WriteString("dotnet", machine.Dotnet);
        w.WriteString("arch", machine.Arch);
        w.WriteString("gc", machine.GcMode);
        w.WriteEndObject();

        w.WriteBoolean("correct", report.Outcome.Correct);
        w.WriteString("check", bench.Check);
        if (report.Outcome.Failures.Count > 0)
        {
            w.WriteStartArray("failures");
            foreach (var failure in report.Outcome.Failures)
            {
                w.WriteStringValue(failure);
            }

            w.WriteEndArray();
        }

        if (report.Outcome.Error is { } error)
        {
            w.WriteString("error", error);
        }

        if (bench.Notes.Count > 0)
        {
            w.WriteStartArray("notes");
            foreach (var note in bench.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
        }

        w.WriteNumber("rounds", report.Settings.Rounds);
        w.WriteNumber("warmup_rounds", report.Settings.WarmupRounds);
        w.WriteStartObject("params");
        foreach (var (name, value) in bench.Parameters)
        {
            WriteNumber(w, name, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            // Four decimal places: more digits than that are noise, not data.
            w.WriteNumber(name, Math.Round(value, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
