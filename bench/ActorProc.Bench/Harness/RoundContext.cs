namespace ActorProc.Bench.Harness;

/// <summary>Tells a contender which round it is running; warm-up rounds may use a smaller workload.</summary>
/// <param name="IsWarmup">True for the un-measured warm-up round(s) that run before the measured ones.</param>
/// <param name="Round">0-based index within the warm-up or the measured rounds.</param>
internal readonly record struct RoundContext(bool IsWarmup, int Round);
