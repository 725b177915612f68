namespace ActorProc.Bench.Harness;

/// <summary>
/// The raw result of running a bench: the measured samples of every contender, the
/// verification failures seen in any round (warm-up included), and the error that
/// stopped the run early, if any.
/// </summary>
internal sealed record RunOutcome(
    IReadOnlyList<ContenderSamples> Samples,
    IReadOnlyList<string> Failures,
    string? Error)
{
    /// <summary>True when every round ran and verified its result.</summary>
    public bool Correct => Failures.Count == 0 && Error is null;
}
