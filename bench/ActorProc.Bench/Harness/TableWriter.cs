using System.Globalization;
using System.Text;

namespace ActorProc.Bench.Harness;

/// <summary>Writes a <see cref="BenchReport"/> as a plain-text table for people.</summary>
internal static class TableWriter
{
    /// <summary>The report as a few lines of aligned text.</summary>
    public static string Write(BenchReport report)
    {
        var bench = report.Bench;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{bench.Name} — {bench.Description}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"unit: {bench.Unit} ({(bench.LowerIsBetter ? "lower" : "higher")} is better), " +
            $"{report.Settings.Rounds} measured rounds interleaved after {report.Settings.WarmupRounds} warm-up");

        var extraNames = report.Results.SelectMany(r => r.Extras.Select(e => e.Key)).Distinct().ToArray();
        var header = new List<string> { "contender", "median", "min", "max" };
        header.AddRange(extraNames);
        var rows = new List<string[]> { header.ToArray() };
        foreach (var result in report.Results)
        {
            var row = new List<string> { result.Name, FormatValue(result.Median), FormatValue(result.Min), FormatValue(result.Max) };
            row.AddRange(extraNames.Select(name => FormatValue(ValueOf(result.Extras, name))));
            rows.Add(row.ToArray());
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            text.AppendLine("  " + string.Join("   ", cells));
        }

        foreach (var (name, value) in report.Ratios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"ratio {name} (medians): {FormatValue(value)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"check: {bench.Check} — {(report.Outcome.Correct ? "correct" : "NOT CORRECT")}");
        foreach (var failure in report.Outcome.Failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  failed: {failure}");
        }

        if (report.Outcome.Error is { } error)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  error: {error}");
        }

        var m = report.Machine;
        text.AppendLine(CultureInfo.InvariantCulture, $"machine: {m.Cores} cores, {m.Os}, {m.Dotnet}, {m.Arch}, {m.GcMode} GC");
        return text.ToString();
    }

    /// <summary>Thousands separators for big numbers, a few significant digits for small ones, "-" for none.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.NaN or double.PositiveInfinity or double.NegativeInfinity => "-",
        >= 1000 or <= -1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static double ValueOf(IReadOnlyList<KeyValuePair<string, double>> extras, string name)
    {
        foreach (var (key, value) in extras)
        {
            if (key == name)
            {
                return value;
            }
        }

        return double.NaN;
    }
}
