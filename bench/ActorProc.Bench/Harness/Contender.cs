namespace ActorProc.Bench.Harness;

/// <summary>
/// One implementation of a bench's workload (ActorProc or a baseline). A round builds its
/// own fresh state (e.g. a new ActorSystem), runs the workload once and tears it down, so
/// rounds are independent of each other.
/// </summary>
/// <param name="Name">Short lower-case name used in the table and the JSON ("actorproc", "channel").</param>
/// <param name="RunRound">Runs one round and reports what it measured.</param>
internal sealed record Contender(string Name, Func<RoundContext, Task<RoundResult>> RunRound)
{
    /// <summary>Wraps a synchronous round (CPU-bound baselines).</summary>
    public static Contender Sync(string name, Func<RoundContext, RoundResult> runRound) =>
        new(name, ctx => Task.FromResult(runRound(ctx)));
}
