namespace ActorProc.Pools;

/// <summary>
/// Asks the pool supervisor to start a job: it creates <paramref name="JobProps"/> as its child and
/// admits it with <see cref="Jobs.JobAdmitted"/> (or, when the pool is shutting down, cancels it).
/// </summary>
internal sealed record StartJob(string JobId, bool Async, Props JobProps);

/// <summary>A job found a sync task stuck past its timeout on <paramref name="Worker"/>: replace that worker.</summary>
internal sealed record ReplaceWorker(IActorRef Worker, string Reason);

/// <summary>Stops every child of the pool supervisor, then the supervisor; answered with <see cref="PoolShutDown"/>.</summary>
internal sealed class ShutdownPool
{
    public static readonly ShutdownPool Instance = new();
}

/// <summary>Reply to <see cref="ShutdownPool"/>: the supervisor's children have stopped.</summary>
internal sealed class PoolShutDown
{
    public static readonly PoolShutDown Instance = new();
}
