namespace ActorProc.Pools;

/// <summary>
/// The job-running surface of a <see cref="WorkerPool"/>: what a service needs to run work on a pool it
/// was given (map, stream, run with a report, for-each, submit, map-reduce), without its lifetime. In a
/// generic host, inject it: <c>IWorkerPool</c> is the pool named <c>default</c>,
/// <c>[FromKeyedServices("ingest")] IWorkerPool</c> the pool named <c>ingest</c> (see
/// <see cref="Hosting.ActorProcServiceCollectionExtensions.AddActorProc"/>). Stopping is left out on
/// purpose: a pool shared through DI is drained and stopped by the host, not by one of its users.
/// <para>
/// Each member behaves exactly as the <see cref="WorkerPool"/> member of the same name (which implements
/// it); see there for the details, the exceptions and the guarantees. Concurrency contract: every member
/// may be called from any thread, concurrently.
/// </para>
/// </summary>
public interface IWorkerPool
{
    /// <summary>The pool's settings (its <see cref="WorkerPoolOptions.Name"/> is the name it is registered under).</summary>
    WorkerPoolOptions Options { get; }

    /// <summary>Worker restarts, recycles and replacements so far.</summary>
    PoolStatistics Statistics { get; }

    /// <summary>Number of jobs not yet completed, counting each submitted task not yet completed as one.</summary>
    int ActiveJobs { get; }

    /// <summary>True once stopping has begun (the host is shutting down); no new work is accepted.</summary>
    bool IsStopping { get; }

    /// <summary>A job running the synchronous <paramref name="work"/> on each input; see <see cref="WorkerPool.CreateJob{TIn,TOut}(IEnumerable{TIn}, Func{TIn,TOut}, JobOptions?)"/>.</summary>
    Job<TIn, TOut> CreateJob<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null);

    /// <summary>A job running the asynchronous <paramref name="work"/> on each input.</summary>
    Job<TIn, TOut> CreateJob<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null);

    /// <summary>A job over an async source running the synchronous <paramref name="work"/> on each input.</summary>
    Job<TIn, TOut> CreateJob<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null);

    /// <summary>A job over an async source running the asynchronous <paramref name="work"/> on each input.</summary>
    Job<TIn, TOut> CreateJob<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null);

    /// <summary>Applies <paramref name="work"/> to every input; the values in input order (throws <see cref="JobFailedException"/> when some input failed).</summary>
    Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Applies the async <paramref name="work"/> to every input; the values in input order.</summary>
    Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="work"/> to every input of an async source; the values in input order.</summary>
    Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Applies the async <paramref name="work"/> to every input of an async source; the values in input order.</summary>
    Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(IAsyncEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Streams every task's outcome in completion order.</summary>
    IAsyncEnumerable<TaskResult<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Streams every async task's outcome in completion order.</summary>
    IAsyncEnumerable<TaskResult<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Streams the values in input order.</summary>
    IAsyncEnumerable<TOut> AsOrdered<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Streams the values of async tasks in input order.</summary>
    IAsyncEnumerable<TOut> AsOrdered<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs every task and returns a report of all outcomes (never throws for task failures).</summary>
    Task<JobReport<TIn, TOut>> RunAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs every async task and returns a report of all outcomes.</summary>
    Task<JobReport<TIn, TOut>> RunAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task<TOut>> work, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="action"/> on every input (no values kept); <see cref="JobFailedException"/> lists the failures.</summary>
    Task ForEachAsync<TIn>(IEnumerable<TIn> inputs, Action<TIn> action, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the async <paramref name="action"/> on every input.</summary>
    Task ForEachAsync<TIn>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, Task> action, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Submits one synchronous task; the handle completes with its outcome (Python's <c>apply_async</c>).</summary>
    TaskHandle<TIn, TOut> Submit<TIn, TOut>(Func<TIn, TOut> work, TIn input, Action<TaskResult<TIn, TOut>>? callback = null,
        JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Submits one asynchronous task.</summary>
    TaskHandle<TIn, TOut> Submit<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> work, TIn input, Action<TaskResult<TIn, TOut>>? callback = null,
        JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs one synchronous task and returns its value (or throws its exception).</summary>
    Task<TOut> SubmitAsync<TIn, TOut>(Func<TIn, TOut> work, TIn input, CancellationToken cancellationToken = default);

    /// <summary>Runs one asynchronous task and returns its value (or throws its exception).</summary>
    Task<TOut> SubmitAsync<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> work, TIn input, CancellationToken cancellationToken = default);

    /// <summary>Map-reduce with an optional combiner; the reduced value of every key.</summary>
    Task<IReadOnlyDictionary<TKey, TResult>> MapReduceAsync<TIn, TKey, TValue, TResult>(
        IEnumerable<TIn> inputs,
        Func<TIn, IEnumerable<(TKey Key, TValue Value)>> map,
        Func<TKey, IEnumerable<TValue>, TResult> reduce,
        Func<TKey, IEnumerable<TValue>, TValue>? combine = null,
        MapReduceOptions? options = null,
        IEqualityComparer<TKey>? comparer = null,
        CancellationToken cancellationToken = default) where TKey : notnull;

    /// <summary>Map-reduce that accounts for every input, groups counted whole or not at all; a report.</summary>
    Task<MapReduceReport<TIn, TOut, TGroup, TKey, TValue>> MapReduceByGroupAsync<TIn, TOut, TGroup, TKey, TValue>(
        IEnumerable<TIn> inputs,
        Func<TIn, TGroup> groupOf,
        Func<TIn, MapEmitter<TKey, TValue>, CancellationToken, TOut> map,
        Func<TValue, TValue, TValue> combine,
        MapReduceOptions? options = null,
        IEqualityComparer<TKey>? keyComparer = null,
        IEqualityComparer<TGroup>? groupComparer = null,
        CancellationToken cancellationToken = default) where TKey : notnull where TGroup : notnull;
}
