using System.Globalization;

namespace ActorProc.Cli.Output;

/// <summary>The figures of the summary, formatted once for the plain line and the terminal table.</summary>
internal static class Summary
{
    /// <summary>(label, value) rows: outcome, succeeded, failed, retried, elapsed, throughput, and line statistics.</summary>
    public static IReadOnlyList<(string Label, string Value)> Rows(RunResult r)
    {
        var seconds = Math.Max(r.Elapsed.TotalSeconds, 1e-9);
        var rows = new List<(string, string)>
        {
            ("task", r.Task),
            ("outcome", JsonResultWriter.OutcomeName(r.Outcome)),
            ("succeeded", $"{N(r.Succeeded)} {Unit(r.InputUnit, r.Succeeded)}"),
            ("failed", N(r.Failed)),
            ("retried", N(r.Retried)),
            ("elapsed", Elapsed(r.Elapsed)),
            ("throughput", Throughput(r, seconds)),
        };
        if (r.Lines is { } lines)
        {
            rows.Add(("lines", N(lines.Lines)));
            rows.Add(("skipped", N(lines.Skipped)));
        }
        if (r.DistinctKeys is { } keys) rows.Add(("distinct keys", N(keys)));
        return rows;
    }

    /// <summary>The summary on one line, for stderr when stdout is not a terminal.</summary>
    public static string Line(RunResult r)
    {
        var seconds = Math.Max(r.Elapsed.TotalSeconds, 1e-9);
        var lines = r.Lines is { } l ? $", {N(l.Lines)} lines ({N(l.Skipped)} skipped)" : "";
        var keys = r.DistinctKeys is { } k ? $", {N(k)} distinct keys" : "";
        return $"actorproc: {r.Task} {JsonResultWriter.OutcomeName(r.Outcome)}: {N(r.Succeeded)} {Unit(r.InputUnit, r.Succeeded)} succeeded, {N(r.Failed)} failed, {N(r.Retried)} retried in {Elapsed(r.Elapsed)} ({Throughput(r, seconds)}){lines}{keys}";
    }

    private static string Throughput(RunResult r, double seconds)
    {
        var perSecond = $"{((r.Succeeded + r.Failed) / seconds).ToString("N0", CultureInfo.InvariantCulture)} {r.InputUnit}/s";
        if (r.Bytes is not { } bytes) return perSecond;
        var megabytes = bytes / 1e6 / seconds;
        return $"{perSecond}, {megabytes.ToString(megabytes < 1 ? "0.###" : megabytes < 100 ? "N1" : "N0", CultureInfo.InvariantCulture)} MB/s";
    }

    private static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 60
            ? $"{elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s"
            : elapsed.ToString(@"h\:mm\:ss\.f", CultureInfo.InvariantCulture);

    /// <summary>"files" → "file" for one.</summary>
    private static string Unit(string plural, long count) => count == 1 && plural.EndsWith('s') ? plural[..^1] : plural;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
