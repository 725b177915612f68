namespace ActorProc.Bench.Harness;

/// <summary>The outcome of one bench, ready to print as a table or as the JSON document.</summary>
internal sealed record BenchReport(
    BenchDefinition Bench,
    RunSettings Settings,
    IReadOnlyList<ContenderSummary> Results,
    IReadOnlyList<KeyValuePair<string, double>> Ratios,
    MachineInfo Machine,
    RunOutcome Outcome)
{
    /// <summary>Summarises <paramref name="outcome"/>; ratios are first contender / each other contender, by median.</summary>
    public static BenchReport Create(BenchDefinition bench, RunSettings settings, RunOutcome outcome, MachineInfo machine)
    {
        var samples = bench.Normalize is null ? outcome.Samples : bench.Normalize(outcome.Samples);
        var results = samples.Select(ContenderSummary.Of).ToArray();
        var ratios = results.Skip(1)
            .Select(other => new KeyValuePair<string, double>(
                $"{results[0].Name}/{other.Name}",
                Statistics.Ratio(results[0].Median, other.Median)))
            .ToArray();
        return new BenchReport(bench, settings, results, ratios, machine, outcome);
    }
}
