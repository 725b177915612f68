namespace ActorProc.Bench.Harness;

/// <summary>
/// Everything the runner needs to measure one scenario: what is measured, in which unit,
/// how it is verified, and the contenders. The first contender is the subject: ratios are
/// "first/other" for every other contender (so ActorProc goes first when present).
/// </summary>
internal sealed record BenchDefinition
{
    /// <summary>Subcommand name, also "bench" in the JSON.</summary>
    public required string Name { get; init; }

    /// <summary>Unit of the headline value ("msgs/s", "ms", "bytes/actor").</summary>
    public required string Unit { get; init; }

    /// <summary>Unit of a round's raw value in progress lines, when <see cref="Normalize"/> changes it (default: <see cref="Unit"/>).</summary>
    public string? RoundUnit { get; init; }

    /// <summary>True for time or size units, where a smaller median is better.</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>One line describing the workload and its size, for the table header.</summary>
    public required string Description { get; init; }

    /// <summary>What each round verifies; becomes "check" in the JSON.</summary>
    public required string Check { get; init; }

    /// <summary>Workload sizes, reported as "params" in the JSON.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Parameters { get; init; } = [];

    /// <summary>Lines printed to stderr before the run (e.g. a contender that is not there yet); also "notes" in the JSON.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The implementations to compare, subject first.</summary>
    public required IReadOnlyList<Contender> Contenders { get; init; }

    /// <summary>
    /// Optional post-processing of the raw samples before they are summarised, for units
    /// defined relative to another contender (e.g. "speedup over sequential").
    /// </summary>
    public Func<IReadOnlyList<ContenderSamples>, IReadOnlyList<ContenderSamples>>? Normalize { get; init; }

    /// <summary>Measured rounds when --rounds is not given (null: the common default), for benches whose rounds take long (cluster start-up).</summary>
    public int? DefaultRounds { get; init; }

    /// <summary>Warm-up rounds when --warmup is not given (null: the common default); 0 where every round starts fresh processes anyway.</summary>
    public int? DefaultWarmupRounds { get; init; }
}
