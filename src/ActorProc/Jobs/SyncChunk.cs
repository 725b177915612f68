namespace ActorProc.Jobs;

/// <summary>
/// A chunk of synchronous tasks, run by one worker as a loop.
/// <para>
/// Concurrency contract: one worker thread runs <see cref="Run"/>; the job actor reads the chunk while
/// it runs (watchdog, cancellation) and after the worker's reply. Two modes:
/// </para>
/// <list type="bullet">
/// <item><b>fast</b> (<see cref="JobShared{TIn,TOut}.Guarded"/> false): the worker claims the whole chunk
/// with one CAS of <see cref="_cursor"/> from 0 to 1 and runs it as a tight loop; the job can only take
/// the chunk back before it started.</item>
/// <item><b>guarded</b>: the worker claims each task with a CAS of <see cref="_cursor"/> from i to i + 1
/// after publishing its start time; the job takes back the unstarted rest with one exchange to
/// <see cref="Reclaimed"/>, after which no further task of the chunk can start. A task's value, error
/// and duration are written before <see cref="_done"/> moves past it (volatile write), so the job
/// may read every offset below <see cref="Done"/> at any time.</item>
/// </list>
/// Fields under "job side" are touched by the job actor only.
/// </summary>
internal sealed class SyncChunk<TIn, TOut> : WorkChunk
{
    private const int Reclaimed = int.MinValue;

    private readonly JobShared<TIn, TOut> _shared;
    private readonly TIn[]? _inputs;
    private readonly int _inputOffset;

    /// <summary>Claim word: see the class comment.</summary>
    private int _cursor;

    /// <summary>Offsets below it have finished (success or non-fatal failure).</summary>
    private int _done;

    /// <summary>Guarded: timestamp at which the task in progress started.</summary>
    private long _itemStartedAt;

    public SyncChunk(JobShared<TIn, TOut> shared, IActorRef job, long id, long baseIndex, int count, int attempt, TIn[]? inputs, int inputOffset)
        : base(job, id, baseIndex, count, attempt)
    {
        _shared = shared;
        _inputs = inputs;
        _inputOffset = inputOffset;
    }

    /// <summary>Values by offset (guarded mode, or fast mode without direct results).</summary>
    public TOut[]? Results { get; private set; }

    /// <summary>Errors by offset, allocated at the first failure.</summary>
    public Exception?[]? Errors { get; private set; }

    /// <summary>Guarded: run time of each finished task.</summary>
    public long[]? DurationTicks { get; private set; }

    /// <summary>Run time of the whole chunk (for automatic chunk sizing).</summary>
    public long ElapsedTicks { get; private set; }

    /// <summary>Offset of the task whose fatal exception ended the chunk, or -1.</summary>
    public int FatalOffset { get; private set; } = -1;

    /// <summary>The fatal exception, if any.</summary>
    public Exception? FatalError { get; private set; }

    public int Done => Volatile.Read(ref _done);
    public int Cursor => Volatile.Read(ref _cursor);
    public long ItemStartedAt => Volatile.Read(ref _itemStartedAt);
    public bool Guarded => _shared.Guarded;

    // ---- job side ----

    /// <summary>Offsets [0, Accounted) have been turned into outcomes by the job.</summary>
    public int Accounted { get; set; }

    /// <summary>Offsets from here on were taken back (and re-dispatched or cancelled); -1 when none were.</summary>
    public int ReclaimedFrom { get; set; } = -1;

    /// <summary>The cursor the watchdog saw last time, to tell a stuck task from a progressing chunk.</summary>
    public int WatchdogCursor { get; set; } = -1;

    public TIn InputAt(int offset) => _inputs is null ? _shared.List![checked((int)(BaseIndex + offset))] : _inputs[_inputOffset + offset];

    /// <summary>A new chunk with the offsets [from, to) of this one (same inputs, given attempt).</summary>
    public SyncChunk<TIn, TOut> Slice(long id, int from, int to, int attempt) =>
        new(_shared, Job, id, BaseIndex + from, to - from, attempt, _inputs, _inputOffset + from);

    /// <summary>
    /// Job side: stops any further task of the chunk from starting. Returns the first offset that will
    /// never start (<see cref="WorkChunk.Count"/> when all have started), or -1 when a fast chunk had
    /// already started (it cannot be stopped part-way).
    /// </summary>
    public int TakeBackUnstarted()
    {
        Debug.Assert(ReclaimedFrom < 0, "a chunk is taken back once");
        if (!_shared.Guarded) return Interlocked.CompareExchange(ref _cursor, Reclaimed, 0) == 0 ? 0 : -1;
        var cursor = Interlocked.Exchange(ref _cursor, Reclaimed);
        return Math.Min(cursor, Count);
    }

    public override Exception? Run(IActorRef worker, PoolCounters counters, out int tasksRun)
    {
        Worker = worker;
        var fatal = _shared.Guarded ? RunGuarded(out tasksRun) : RunFast(out tasksRun);
        counters.TasksRun(tasksRun);
        if (tasksRun > 0 || fatal is not null) Job.Tell(this, worker);
        return fatal;
    }

    private Exception? RunFast(out int tasksRun)
    {
        tasksRun = 0;
        if (Interlocked.CompareExchange(ref _cursor, 1, 0) != 0) return null; // taken back before it started: the job re-dispatched it
        var work = _shared.SyncWork!;
        var direct = _shared.DirectResults;
        var values = direct is null && !_shared.DiscardValues ? Results = new TOut[Count] : null;
        var started = Stopwatch.GetTimestamp();
        var i = 0;
        Exception? fatal = null;
        while (i < Count && !_shared.IsStopping)
        {
            var end = Math.Min(Count, i + FastLoops.Stride);
            Exception? error;
            if (_shared.TaskTimer is { } timer)
            {
                // List chunks index the list and the direct results by the list's index; buffer chunks by offset.
                var b = _inputs is null ? (int)BaseIndex : 0;
                i = FastLoops.Timed(work, _shared.List, _inputs, _inputOffset, _inputs is null ? direct : values, b + i, b + end, timer, out error) - b;
            }
            else if (_inputs is not null) i = FastLoops.BufferToArray(work, _inputs, _inputOffset, values, i, end, out error);
            else
            {
                // List chunks (tails and retries of list jobs) cover [BaseIndex, BaseIndex + Count) of the list;
                // an unguarded list job either writes values in place or drops them.
                Debug.Assert(direct is not null || _shared.DiscardValues, "list chunks of a fast job store values directly");
                var b = (int)BaseIndex;
                var reached = direct is null
                    ? FastLoops.ListDiscard(work, _shared.List!, b + i, b + end, out error)
                    : FastLoops.ListToArray(work, _shared.List!, direct, b + i, b + end, out error);
                i = reached - b;
            }
            if (error is null) continue;
            if (_shared.IsFatal(error))
            {
                fatal = error;
                break;
            }
            (Errors ??= new Exception?[Count])[i++] = error;
        }
        ElapsedTicks = Stopwatch.GetTimestamp() - started;
        tasksRun = fatal is null ? i : i + 1;
        if (fatal is not null)
        {
            FatalOffset = i;
            FatalError = fatal;
        }
        Volatile.Write(ref _done, i);
        return fatal;
    }

    private Exception? RunGuarded(out int tasksRun)
    {
        tasksRun = 0;
        var work = _shared.SyncWork!;
        var results = Results = new TOut[Count];
        var durations = DurationTicks = new long[Count];
        var chunkStart = Stopwatch.GetTimestamp();
        var itemStart = chunkStart;
        for (var i = 0; i < Count; i++)
        {
            // Publish the start time before claiming, so the watchdog never pairs this task with an old time.
            Volatile.Write(ref _itemStartedAt, itemStart);
            if (Interlocked.CompareExchange(ref _cursor, i + 1, i) != i) break; // the job took back the rest
            tasksRun++;
            try
            {
                results[i] = work(InputAt(i));
            }
            catch (Exception e)
            {
                if (_shared.IsFatal(e))
                {
                    durations[i] = Stopwatch.GetTimestamp() - itemStart;
                    FatalOffset = i;
                    FatalError = e;
                    ElapsedTicks = Stopwatch.GetTimestamp() - chunkStart;
                    return e;
                }
                (Errors ??= new Exception?[Count])[i] = e;
            }
            var end = Stopwatch.GetTimestamp();
            durations[i] = end - itemStart;
            itemStart = end;
            Volatile.Write(ref _done, i + 1);
        }
        ElapsedTicks = Stopwatch.GetTimestamp() - chunkStart;
        return null;
    }
}
