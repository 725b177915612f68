namespace ActorProc.Pools;

/// <summary>
/// Counters of one pool's worker lifecycle events. Concurrency contract: incremented by workers and
/// the supervisor on their own threads with Interlocked; read at any time (each read is a snapshot of
/// one counter, not of all of them together).
/// </summary>
internal sealed class PoolCounters
{
    private long _restarts;
    private long _recycled;
    private long _replaced;
    private long _tasksStarted;

    public long Restarts => Volatile.Read(ref _restarts);
    public long Recycled => Volatile.Read(ref _recycled);
    public long Replaced => Volatile.Read(ref _replaced);
    public long TasksStarted => Volatile.Read(ref _tasksStarted);

    public void WorkerRestarted() => Interlocked.Increment(ref _restarts);
    public void WorkerRecycled() => Interlocked.Increment(ref _recycled);
    public void WorkerReplaced() => Interlocked.Increment(ref _replaced);
    public void TasksRun(int count) => Interlocked.Add(ref _tasksStarted, count);
}
