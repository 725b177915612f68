namespace ActorProc.Pools;

public sealed partial class WorkerPool
{
    /// <summary>A job running the synchronous <paramref name="work"/> on each input (on the CPU workers).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="work"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="work"/> returns a Task (use the async overload).</exception>
    public Job<TIn, TOut> CreateJob<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckSyncDelegate<TOut>(work, nameof(work));
        return new Job<TIn, TOut>(this, inputs, null, work, null, options);
    }

    /// <summary>A job running the asynchronous <paramref name="work"/> on each input, at most <see cref="WorkerPoolOptions.MaxConcurrency"/> at once on the pool.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="work"/> is null.</exception>
    public Job<TIn, TOut> CreateJob<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(work);
        return new Job<TIn, TOut>(this, inputs, null, null, work, options);
    }

    /// <summary>A job over an async source running the synchronous <paramref name="work"/> on each input.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="work"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="work"/> returns a Task (use the async overload).</exception>
    public Job<TIn, TOut> CreateJob<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckSyncDelegate<TOut>(work, nameof(work));
        return new Job<TIn, TOut>(this, null, inputs, work, null, options);
    }

    /// <summary>A job over an async source running the asynchronous <paramref name="work"/> on each input.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="work"/> is null.</exception>
    public Job<TIn, TOut> CreateJob<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(work);
        return new Job<TIn, TOut>(this, null, inputs, null, work, options);
    }

    /// <summary>Applies <paramref name="work"/> to every input and returns the values in input order; see <see cref="Job{TIn,TOut}.MapAsync"/>.</summary>
    /// <exception cref="JobFailedException">Some task did not succeed (the whole batch ran first).</exception>
    public Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).MapAsync(cancellationToken);

    /// <summary>Applies the async <paramref name="work"/> to every input and returns the values in input order; see <see cref="Job{TIn,TOut}.MapAsync"/>.</summary>
    /// <exception cref="JobFailedException">Some task did not succeed (the whole batch ran first).</exception>
    public Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).MapAsync(cancellationToken);

    /// <summary>Applies <paramref name="work"/> to every input of an async source and returns the values in input order.</summary>
    /// <exception cref="JobFailedException">Some task did not succeed (the whole batch ran first).</exception>
    public Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).MapAsync(cancellationToken);

    /// <summary>Applies the async <paramref name="work"/> to every input of an async source and returns the values in input order.</summary>
    /// <exception cref="JobFailedException">Some task did not succeed (the whole batch ran first).</exception>
    public Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).MapAsync(cancellationToken);

    /// <summary>Streams every task's outcome in completion order; see <see cref="Job{TIn,TOut}.AsCompleted"/>.</summary>
    public IAsyncEnumerable<TaskResult<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).AsCompleted(cancellationToken);

    /// <summary>Streams every async task's outcome in completion order; see <see cref="Job{TIn,TOut}.AsCompleted"/>.</summary>
    public IAsyncEnumerable<TaskResult<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).AsCompleted(cancellationToken);

    /// <summary>Streams the values in input order; see <see cref="Job{TIn,TOut}.AsOrdered"/>.</summary>
    public IAsyncEnumerable<TOut> AsOrdered<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).AsOrdered(cancellationToken);

    /// <summary>Streams the values of async tasks in input order; see <see cref="Job{TIn,TOut}.AsOrdered"/>.</summary>
    public IAsyncEnumerable<TOut> AsOrdered<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).AsOrdered(cancellationToken);

    /// <summary>Runs every task and returns a report of all outcomes; see <see cref="Job{TIn,TOut}.RunAsync"/>.</summary>
    public Task<JobReport<TIn, TOut>> RunAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).RunAsync(cancellationToken);

    /// <summary>Runs every async task and returns a report of all outcomes; see <see cref="Job{TIn,TOut}.RunAsync"/>.</summary>
    public Task<JobReport<TIn, TOut>> RunAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateJob(inputs, work, options).RunAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> on every input (no values are kept). The whole batch runs even
    /// when some fail; then a <see cref="JobFailedException"/> lists them.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="action"/> is null.</exception>
    /// <exception cref="JobFailedException">Some task did not succeed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled.</exception>
    public Task ForEachAsync<TIn>(IEnumerable<TIn> inputs, Action<TIn> action, JobOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(action);
        var job = new Job<TIn, NoValue>(this, inputs, null, x =>
        {
            action(x);
            return default;
        }, null, options);
        var sink = new Jobs.CollectSink<TIn, NoValue>(keepValues: false, null);
        job.Start(sink, cancellationToken);
        return sink.Result;
    }

    /// <summary>Runs the async <paramref name="action"/> on every input, at most <see cref="WorkerPoolOptions.MaxConcurrency"/> at once.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="action"/> is null.</exception>
    /// <exception cref="JobFailedException">Some task did not succeed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled.</exception>
    public Task ForEachAsync<TIn>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task> action, JobOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(action);
        var job = new Job<TIn, NoValue>(this, inputs, null, null, async (x, ct) =>
        {
            await action(x, ct).ConfigureAwait(false);
            return default;
        }, options);
        var sink = new Jobs.CollectSink<TIn, NoValue>(keepValues: false, null);
        job.Start(sink, cancellationToken);
        return sink.Result;
    }

    /// <summary>The "value" of a for-each task.</summary>
    internal readonly struct NoValue;
}
