namespace ActorProc.Jobs;

/// <summary>
/// A chunk of asynchronous tasks: the worker starts every task (running each delegate up to its first
/// await) and returns; each task reports its own completion to the job with an
/// <see cref="AsyncTaskCompleted"/> message, so results stream in completion order.
/// <para>
/// Concurrency contract: <see cref="_started"/> is claimed once, by the worker (0 → 1) or by the job
/// taking the chunk back (0 → 2). After that, slot <c>i</c> of <see cref="Results"/>,
/// <see cref="Errors"/> and <see cref="DurationTicks"/> is written by whichever thread completes task
/// <c>i</c>, before the message that announces it (the mailbox enqueue publishes the writes). The
/// job-side fields are touched by the job actor only.
/// </para>
/// </summary>
internal sealed class AsyncChunk<TIn, TOut> : WorkChunk
{
    private readonly JobShared<TIn, TOut> _shared;
    private readonly TIn[]? _inputs;
    private readonly int _inputOffset;
    private int _started;

    public AsyncChunk(JobShared<TIn, TOut> shared, IActorRef job, long id, long baseIndex, int count, int attempt, TIn[]? inputs, int inputOffset)
        : base(job, id, baseIndex, count, attempt)
    {
        _shared = shared;
        _inputs = inputs;
        _inputOffset = inputOffset;
        Results = new TOut[count];
        Errors = new Exception?[count];
        DurationTicks = new long[count];
        Finalized = new bool[count];
        Open = count;
    }

    public TOut[] Results { get; }
    public Exception?[] Errors { get; }
    public long[] DurationTicks { get; }

    // ---- job side ----

    /// <summary>Offsets whose outcome the job has settled (finalized or scheduled for retry).</summary>
    public bool[] Finalized { get; }

    /// <summary>Offsets not settled yet; the chunk leaves the job's running set at 0.</summary>
    public int Open { get; set; }

    public TIn InputAt(int offset) => _inputs is null ? _shared.List![checked((int)(BaseIndex + offset))] : _inputs[_inputOffset + offset];

    /// <summary>Job side: takes the chunk back if no worker has started it yet.</summary>
    public bool TakeBackUnstarted() => Interlocked.CompareExchange(ref _started, 2, 0) == 0;

    public AsyncChunk<TIn, TOut> Slice(long id, int from, int to, int attempt) =>
        new(_shared, Job, id, BaseIndex + from, to - from, attempt, _inputs, _inputOffset + from);

    public override Exception? Run(IActorRef worker, PoolCounters counters, out int tasksRun)
    {
        tasksRun = 0;
        if (Interlocked.CompareExchange(ref _started, 1, 0) != 0) return null; // taken back: re-dispatched elsewhere
        Worker = worker;
        counters.TasksRun(Count); // before the first task can complete and report
        for (var i = 0; i < Count; i++)
        {
            Start(i);
            tasksRun++;
        }
        return null;
    }

    private void Start(int offset)
    {
        var token = _shared.Token;
        CancellationTokenSource? timeout = null;
        if (_shared.Settings.TaskTimeout is { } limit)
        {
            timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            token = timeout.Token;
            token.UnsafeRegister(static s => ((TaskStart)s!).OnTimeoutOrCancel(), new TaskStart(this, offset, 0, timeout));
            timeout.CancelAfter(limit);
        }
        var startedAt = Stopwatch.GetTimestamp();
        Task<TOut> task;
        try
        {
            task = _shared.AsyncWork!(InputAt(offset), token)
                ?? Task.FromException<TOut>(new InvalidOperationException("The task delegate returned null instead of a Task."));
        }
        catch (Exception e)
        {
            task = Task.FromException<TOut>(e);
        }
        if (task.IsCompleted) Complete(offset, task, startedAt, timeout);
        else
            task.ContinueWith(static (t, s) => ((TaskStart)s!).Complete(t), new TaskStart(this, offset, startedAt, timeout),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Complete(int offset, Task<TOut> task, long startedAt, CancellationTokenSource? timeout)
    {
        DurationTicks[offset] = Stopwatch.GetTimestamp() - startedAt;
        var timedOut = timeout is { IsCancellationRequested: true } && !_shared.Token.IsCancellationRequested;
        if (task.IsCompletedSuccessfully) Results[offset] = CompletedValue(task);
        else Errors[offset] = ErrorOf(task);
        timeout?.Dispose();
        Job.Tell(new AsyncTaskCompleted(this, offset, timedOut), Worker);
    }

    // The task has completed, so reading its result cannot block.
    private static TOut CompletedValue(Task<TOut> task) => task.GetAwaiter().GetResult();

    private static Exception ErrorOf(Task task)
    {
        if (task.IsCanceled)
        {
            try
            {
                task.GetAwaiter().GetResult(); // completed: rethrows the cancellation with its token, does not block
            }
            catch (Exception e)
            {
                return e;
            }
        }
        var error = task.Exception!;
        return error.InnerExceptions.Count == 1 ? error.InnerException! : error;
    }

    /// <summary>The state of one started task, for its continuation and its timeout callback.</summary>
    private sealed class TaskStart(AsyncChunk<TIn, TOut> chunk, int offset, long startedAt, CancellationTokenSource? timeout)
    {
        public void Complete(Task<TOut> task) => chunk.Complete(offset, task, startedAt, timeout);

        /// <summary>The task's token fired: report a timeout unless the whole job was cancelled (the job reports that itself).</summary>
        public void OnTimeoutOrCancel()
        {
            if (!chunk._shared.Token.IsCancellationRequested) chunk.Job.Tell(new AsyncTaskTimedOut(chunk, offset), chunk.Worker);
        }
    }
}
