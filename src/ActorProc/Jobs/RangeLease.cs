namespace ActorProc.Jobs;

/// <summary>
/// The fastest way through a list of tiny tasks: one lease is broadcast to every worker, and each
/// worker claims blocks of indices from the lease's shared cursor until none are left, so no
/// coordinator sits between two blocks (like <c>Parallel.ForEach</c> with range partitioning, but on
/// the pool's supervised workers). Each worker sends one <see cref="LeaseReport{TIn,TOut}"/> when it
/// finds the cursor exhausted (or the job stopping, or a fatal task).
/// <para>
/// Block sizes follow guided self-scheduling: an eighth of each worker's share of the remaining work,
/// so blocks shrink towards the end and the last ones balance. Each worker first runs a probe block of one task
/// and then caps blocks at <see cref="MaxBlockTicks"/> of measured work, so progress keeps flowing
/// and slow tasks are not hoarded in one huge block.
/// </para>
/// <para>
/// Concurrency contract: <see cref="_next"/> is claimed by CAS loops from any worker; a claimed block
/// belongs to its worker alone. Values go straight into the job's direct-results array at their own
/// index (disjoint per block) or are discarded. <see cref="_processed"/> (tasks run so far, for
/// progress) is added to with Interlocked. Used only for unguarded jobs over list sources.
/// </para>
/// </summary>
internal sealed class RangeLease<TIn, TOut> : WorkChunk
{
    /// <summary>Upper bound of one block in measured run time (10 ms), for progress and for balance when a thread is preempted.</summary>
    private static readonly long MaxBlockTicks = Stopwatch.Frequency / 100;

    /// <summary>Lower bound of one block in measured run time, so claims stay rare for tiny tasks.</summary>
    private static readonly long MinBlockTicks = Stopwatch.Frequency / 10_000;

    private readonly JobShared<TIn, TOut> _shared;
    private readonly long _end;
    private readonly int _workers;
    private long _next;
    private long _processed;

    public RangeLease(JobShared<TIn, TOut> shared, IActorRef job, long id, int count, int workers)
        : base(job, id, 0, count, attempt: 1)
    {
        _shared = shared;
        _end = count;
        _workers = workers;
    }

    /// <summary>Tasks run so far by all workers (for progress).</summary>
    public long Processed => Volatile.Read(ref _processed);

    public override Exception? Run(IActorRef worker, PoolCounters counters, out int tasksRun)
    {
        var report = new LeaseReport<TIn, TOut>(this);
        var ticksPerTask = -1.0;
        tasksRun = 0;
        while (!_shared.IsStopping && Claim(ticksPerTask, out var start, out var size))
        {
            var started = Stopwatch.GetTimestamp();
            var ran = RunBlock(start, size, report);
            var elapsed = Stopwatch.GetTimestamp() - started;
            tasksRun += ran;
            Interlocked.Add(ref _processed, ran);
            if (report.FatalError is not null || ran < size) break;
            ticksPerTask = Math.Max(elapsed, 1) / (double)size;
        }
        if (report.FatalError is not null)
        {
            // This worker is about to crash. Take the unclaimed rest of the range with it and hand it back
            // to the job as ordinary chunks: if it was the only worker still on the lease, nobody else
            // would ever claim it.
            var rest = Interlocked.Exchange(ref _next, _end);
            if (rest < _end) report.Unrun(rest, _end);
        }
        report.Ran = tasksRun;
        counters.TasksRun(tasksRun);
        if (report.Accounted > 0) Job.Tell(report, worker);
        return report.FatalError;
    }

    /// <summary>Claims the next block; false when the range is exhausted.</summary>
    private bool Claim(double ticksPerTask, out long start, out long size)
    {
        while (true)
        {
            start = Volatile.Read(ref _next);
            var remaining = _end - start;
            if (remaining <= 0)
            {
                size = 0;
                return false;
            }
            if (ticksPerTask < 0) size = 1; // probe: measure before taking a real block
            else
            {
                var guided = Math.Max(1, remaining / (8L * _workers));
                size = (long)Math.Clamp(guided, Math.Max(1, MinBlockTicks / ticksPerTask), Math.Max(1, MaxBlockTicks / ticksPerTask));
            }
            size = Math.Min(size, remaining);
            if (Interlocked.CompareExchange(ref _next, start + size, start) == start) return true;
        }
    }

    /// <summary>Runs indices [start, start + size); returns how many ran (fewer when stopping or after a fatal task).</summary>
    private int RunBlock(long start, long size, LeaseReport<TIn, TOut> report)
    {
        var work = _shared.SyncWork!;
        var list = _shared.List!;
        var direct = _shared.DirectResults;
        var from = (int)start;
        var to = (int)(start + size);
        var failures = 0;
        var i = from;
        while (i < to && !_shared.IsStopping)
        {
            var end = Math.Min(to, i + FastLoops.Stride);
            Exception? error;
            if (_shared.TaskTimer is { } timer) i = FastLoops.Timed(work, list, null, 0, direct, i, end, timer, out error);
            else
                i = direct is null
                    ? FastLoops.ListDiscard(work, list, i, end, out error)
                    : FastLoops.ListToArray(work, list, direct, i, end, out error);
            if (error is null) continue;
            if (_shared.IsFatal(error))
            {
                report.Succeeded += i - from - failures;
                report.Accounted += i - from + 1;
                report.SetFatal(i, error);
                if (i + 1 < to) report.Unrun(i + 1, to);
                return i - from + 1;
            }
            report.Failed(i, error);
            failures++;
            i++;
        }
        report.Succeeded += i - from - failures;
        report.Accounted += i - from;
        if (i < to) report.Unrun(i, to);
        return i - from;
    }
}
