namespace ActorProc.Bench.Harness;

/// <summary>
/// What one round of one contender measured: the headline value in the bench's unit,
/// whether the workload's result was verified, and extra metrics (e.g. "bytes_per_msg").
/// </summary>
internal sealed record RoundResult(double Value, bool Correct)
{
    /// <summary>Extra metrics in insertion order; each is summarised by its median over the measured rounds.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Extras { get; init; } = [];

    /// <summary>Why the round is not correct, for the report (null when correct).</summary>
    public string? Failure { get; init; }

    /// <summary>Returns a copy with one more extra metric.</summary>
    public RoundResult With(string metric, double value) =>
        this with { Extras = [.. Extras, new KeyValuePair<string, double>(metric, value)] };

    /// <summary>A throughput round: <paramref name="operations"/> done in <paramref name="elapsed"/>.</summary>
    public static RoundResult Rate(long operations, TimeSpan elapsed, bool correct) =>
        new(operations / Math.Max(elapsed.TotalSeconds, 1e-9), correct);

    /// <summary>A time round, in milliseconds.</summary>
    public static RoundResult Millis(TimeSpan elapsed, bool correct) => new(elapsed.TotalMilliseconds, correct);
}
