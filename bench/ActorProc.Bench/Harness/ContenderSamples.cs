namespace ActorProc.Bench.Harness;

/// <summary>The measured (non-warm-up) rounds of one contender, in the order they ran.</summary>
internal sealed record ContenderSamples(string Name, IReadOnlyList<RoundResult> Rounds);
