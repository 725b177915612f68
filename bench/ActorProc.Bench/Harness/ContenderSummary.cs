namespace ActorProc.Bench.Harness;

/// <summary>Median, min and max of one contender's measured rounds, plus the medians of its extra metrics.</summary>
internal sealed record ContenderSummary(
    string Name,
    double Median,
    double Min,
    double Max,
    IReadOnlyList<KeyValuePair<string, double>> Extras)
{
    /// <summary>Summarises the measured rounds of one contender.</summary>
    public static ContenderSummary Of(ContenderSamples samples)
    {
        var values = samples.Rounds.Select(r => r.Value).ToArray();
        var extras = samples.Rounds
            .SelectMany(r => r.Extras)
            .GroupBy(e => e.Key)
            .Select(g => new KeyValuePair<string, double>(g.Key, Statistics.Median(g.Select(e => e.Value))))
            .ToArray();
        return new ContenderSummary(samples.Name, Statistics.Median(values), Statistics.Min(values), Statistics.Max(values), extras);
    }
}
