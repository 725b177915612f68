namespace ActorProc.Pools;

/// <summary>A snapshot of a pool's worker lifecycle counters since it was created.</summary>
/// <param name="WorkerRestarts">Workers restarted by their supervisor because a task threw a fatal exception.</param>
/// <param name="WorkersRecycled">Workers restarted as fresh instances after <see cref="WorkerPoolOptions.MaxTasksPerWorker"/> tasks.</param>
/// <param name="WorkersReplaced">Workers abandoned because a task hung past its timeout, each replaced by a new worker on a thread of its own.</param>
/// <param name="TasksStarted">Task attempts started by the pool's workers.</param>
public sealed record PoolStatistics(long WorkerRestarts, long WorkersRecycled, long WorkersReplaced, long TasksStarted);
