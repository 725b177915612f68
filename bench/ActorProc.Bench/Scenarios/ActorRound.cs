using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;

namespace ActorProc.Bench.Scenarios;

/// <summary>Gives each ActorProc round a fresh ActorSystem, so rounds share no actors, mailboxes or heap state.</summary>
internal static class ActorRound
{
    /// <summary>
    /// Creates an ActorSystem, runs <paramref name="body"/> (which times its own workload) and
    /// terminates the system afterwards, outside the measured time.
    /// </summary>
    public static async Task<RoundResult> RunAsync(string scenario, Func<ActorSystem, Task<RoundResult>> body)
    {
        var system = ActorSystem.Create("bench-" + scenario);
        try
        {
            return await body(system);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
