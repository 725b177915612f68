using ActorProc.Submissions;

namespace ActorProc.Pools;

public sealed partial class WorkerPool
{
    /// <summary>
    /// Submits one synchronous task (Python's <c>apply_async</c>). The returned handle completes with the
    /// value or the task's exception after retries; <paramref name="callback"/>, if given, is called
    /// with the outcome on a thread-pool thread once the task is final (exceptions it throws are logged).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="work"/> returns a Task (use the async overload).</exception>
    /// <exception cref="ObjectDisposedException">The pool is stopping.</exception>
    public TaskHandle<TIn, TOut> Submit<TIn, TOut>(Func<TIn, TOut> work, TIn input, Action<TaskResult<TIn, TOut>>? callback = null,
        JobOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckSyncDelegate<TOut>(work, nameof(work));
        return options is null
            ? Enqueue(input, work, null, callback, cancellationToken)
            : Submit(new Job<TIn, TOut>(this, [input], null, work, null, options), callback, cancellationToken);
    }

    /// <summary>Submits one asynchronous task; see the synchronous overload.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The pool is stopping.</exception>
    public TaskHandle<TIn, TOut> Submit<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> work, TIn input, Action<TaskResult<TIn, TOut>>? callback = null,
        JobOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return options is null
            ? Enqueue(input, null, work, callback, cancellationToken)
            : Submit(new Job<TIn, TOut>(this, [input], null, null, work, options), callback, cancellationToken);
    }

    /// <summary>Runs one synchronous task on the pool and returns its value (or throws its exception).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public Task<TOut> SubmitAsync<TIn, TOut>(Func<TIn, TOut> work, TIn input, CancellationToken cancellationToken = default) =>
        Submit(work, input, null, null, cancellationToken).Task;

    /// <summary>Runs one asynchronous task on the pool and returns its value (or throws its exception).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public Task<TOut> SubmitAsync<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> work, TIn input, CancellationToken cancellationToken = default) =>
        Submit(work, input, null, null, cancellationToken).Task;

    /// <summary>
    /// The common path: the task joins the pool's submission job (see <see cref="SubmissionQueue"/>), which
    /// runs it with the pool's settings.
    /// </summary>
    private TaskHandle<TIn, TOut> Enqueue<TIn, TOut>(TIn input, Func<TIn, TOut>? work, Func<TIn, CancellationToken, Task<TOut>>? asyncWork,
        Action<TaskResult<TIn, TOut>>? callback, CancellationToken cancellationToken)
    {
        var queue = SubmissionQueueFor(async: asyncWork is not null);
        var submission = new Submission<TIn, TOut>(queue.NextId(), input, work, asyncWork);
        if (!queue.TryEnqueue(submission)) throw Stopping();
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(static s => ((Submission)s!).Cancel(), submission);
            submission.Outcome.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        if (callback is not null) OnCompletion(submission.Outcome, callback, submission.Id);
        return new TaskHandle<TIn, TOut>(submission.Id, submission.Outcome, submission.Cancel);
    }

    /// <summary>A task with options of its own runs as a job of its own.</summary>
    private TaskHandle<TIn, TOut> Submit<TIn, TOut>(Job<TIn, TOut> job, Action<TaskResult<TIn, TOut>>? callback, CancellationToken cancellationToken)
    {
        var sink = new SingleSink<TIn, TOut>();
        var control = job.Start(sink, cancellationToken);
        if (callback is not null) OnCompletion(sink.Result, callback, new TaskId(job.Id, 0));
        return new TaskHandle<TIn, TOut>(new TaskId(job.Id, 0), sink.Result, () => control.RequestCancel(poolStopping: false));
    }

    /// <summary>Calls <paramref name="callback"/> with the outcome on a thread-pool thread; what it throws is logged.</summary>
    private void OnCompletion<TIn, TOut>(Task<TaskResult<TIn, TOut>> outcome, Action<TaskResult<TIn, TOut>> callback, TaskId id)
    {
        var log = System.Log;
        outcome.ContinueWith(t =>
        {
            try
            {
                callback(t.GetAwaiter().GetResult()); // completed: does not block
            }
            catch (Exception e)
            {
                log.Error(e, "The completion callback of task {0} threw", id);
            }
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
