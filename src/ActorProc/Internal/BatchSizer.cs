namespace ActorProc.Internal;

/// <summary>
/// Sizes batches by time (a cluster partition's journal batches, an isolated pool's task batches):
/// the next batch holds as many tasks as fit into the target time at the last batch's time per task
/// (the tasks' own run time, not time spent queued), between 1 and the maximum. Tiny tasks thus go in
/// a few big batches, slow ones in batches of about the target time, one by one when a task alone
/// takes longer. Not thread-safe: one per partition entity or isolated pool, used by its actor.
/// </summary>
internal sealed class BatchSizer(int firstSize, int maxSize, TimeSpan target)
{
    private int _next = Math.Min(firstSize, maxSize);

    /// <summary>Tasks in the next batch.</summary>
    public int Next => _next;

    /// <summary>Learns from a batch of <paramref name="size"/> tasks that ran for <paramref name="workTime"/> in all.</summary>
    public void Observe(int size, TimeSpan workTime)
    {
        if (size <= 0) return;
        // A batch far below a millisecond says only "tiny": jump to the maximum.
        var perTask = Math.Max(workTime.TotalMilliseconds, 0.001) / size;
        var fits = target.TotalMilliseconds / perTask;
        _next = (int)Math.Clamp(fits, 1, maxSize);
    }
}
