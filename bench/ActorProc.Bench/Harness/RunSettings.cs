namespace ActorProc.Bench.Harness;

/// <summary>How many rounds to run and how long one may take.</summary>
/// <param name="WarmupRounds">Un-measured rounds of each contender before the measured ones.</param>
/// <param name="Rounds">Measured rounds of each contender, interleaved A, B, A, B, ...</param>
/// <param name="RoundTimeout">A round still running after this fails the run (a hung actor system must not hang the bench).</param>
/// <param name="Quick">Tiny sizes for smoke tests.</param>
internal sealed record RunSettings(int WarmupRounds, int Rounds, TimeSpan RoundTimeout, bool Quick);
