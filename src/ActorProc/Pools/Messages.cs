namespace ActorProc.Pools;

/// <summary>
/// Asks the pool supervisor to start a job actor; <paramref name="CreateProps"/> gets the router to use.
/// <paramref name="Abort"/> completes the job as cancelled without running it (the pool is shutting down).
/// </summary>
internal sealed record StartJob(string JobId, bool Async, Func<IActorRef, Props> CreateProps, Action Abort);

/// <summary>A job found a sync task stuck past its timeout on <paramref name="Worker"/>: replace that worker.</summary>
internal sealed record ReplaceWorker(IActorRef Worker, string Reason);

/// <summary>Stops every child of the pool supervisor, then the supervisor; answered with <see cref="PoolShutDown"/>.</summary>
internal sealed class ShutdownPool
{
    public static readonly ShutdownPool Instance = new();
}

/// <summary>Reply to <see cref="ShutdownPool"/>: the supervisor's children have stopped (or the wait timed out, see <paramref name="StillRunning"/>).</summary>
internal sealed record PoolShutDown(IReadOnlyList<string> StillRunning);
