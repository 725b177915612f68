namespace ActorProc.Pools;

/// <summary>
/// Counters of one pool's worker lifecycle events (tasks started are also added to the pool's
/// <c>actorproc.tasks.started</c> instrument, once per chunk). Concurrency contract: incremented by workers and
/// the supervisor on their own threads with Interlocked; read at any time (each read is a snapshot of
/// one counter, not of all of them together).
/// <para>
/// <see cref="TasksStarted"/> is added to by a chunk or lease <i>before</i> it reports its tasks to the
/// job (see <see cref="Jobs.WorkChunk.Run"/>), so it includes every task of a job as soon as the job
/// has completed. (It used to be added after the report, and <c>bench pool</c> once read 5,276,931 of
/// 10,000,000 right after a job completed.)
/// </para>
/// </summary>
internal sealed class PoolCounters(PoolMetrics? metrics = null)
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
    public void TasksRun(int count)
    {
        Interlocked.Add(ref _tasksStarted, count);
        metrics?.TasksStarted(count);
    }
}
