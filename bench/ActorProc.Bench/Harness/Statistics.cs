namespace ActorProc.Bench.Harness;

/// <summary>Order statistics over a handful of round values (or many latency samples).</summary>
internal static class Statistics
{
    /// <summary>The median; the mean of the two middle values for an even count; NaN when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The smallest value; NaN when empty.</summary>
    public static double Min(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Min();

    /// <summary>The largest value; NaN when empty.</summary>
    public static double Max(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Max();

    /// <summary>
    /// Nearest-rank percentile (0 &lt; <paramref name="p"/> ≤ 100) of an already sorted span;
    /// NaN when empty.
    /// </summary>
    public static double PercentileOfSorted(ReadOnlySpan<long> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, NaN when undefined.</summary>
    public static double Ratio(double numerator, double denominator) =>
        denominator == 0 || double.IsNaN(numerator) || double.IsNaN(denominator) ? double.NaN : numerator / denominator;
}
