namespace ActorProc.Jobs;

/// <summary>
/// Picks the size of the next chunk. With an explicit size it returns that size. Automatically it
/// starts at one task, measures how long tasks take (from each finished chunk's run time) and aims
/// at a target run time per chunk, growing at most <see cref="MaxGrowth"/>-fold per measurement so
/// one unusually fast measurement cannot produce a huge chunk (the first measurements also include
/// JIT compilation, so they err on the slow side). With a known number of remaining inputs it also keeps at least
/// two chunks per worker in the tail, so the last chunks balance across workers. Job actor only.
/// </summary>
internal sealed class ChunkSizer(int? fixedSize, long targetTicks, int workers)
{
    /// <summary>Upper bound of an automatic chunk (1 Mi tasks).</summary>
    public const int MaxAutomatic = 1 << 20;

    /// <summary>
    /// Largest growth between two measurements. Large, because every step costs a round trip through
    /// the actors, and on a busy machine a round trip can take milliseconds.
    /// </summary>
    public const int MaxGrowth = 32;

    private double _ticksPerTask = -1;
    private int _lastMeasured = 1;

    /// <summary>Records a finished chunk of <paramref name="tasks"/> tasks that ran for <paramref name="elapsedTicks"/>.</summary>
    public void Observe(int tasks, long elapsedTicks)
    {
        if (tasks <= 0) return;
        _ticksPerTask = Math.Max(elapsedTicks, 1) / (double)tasks;
        _lastMeasured = Math.Max(_lastMeasured, tasks);
    }

    /// <summary>The size of the next chunk; <paramref name="remaining"/> is the number of inputs not yet dispatched, or -1 when unknown.</summary>
    public int Next(long remaining)
    {
        if (fixedSize is { } size) return size;
        var next = _ticksPerTask < 0 ? 1 : (int)Math.Clamp(targetTicks / _ticksPerTask, 1, Math.Min(MaxAutomatic, (long)_lastMeasured * MaxGrowth));
        if (remaining >= 0) next = (int)Math.Min(next, Math.Max(1, (remaining + (2 * workers) - 1) / (2 * workers)));
        return next;
    }
}
