using System.Runtime.CompilerServices;
using ActorProc.Jobs;

namespace ActorProc.Jobs;

/// <summary>
/// A job: a source of inputs, a task delegate and settings, bound to a <see cref="WorkerPool"/>. Run it
/// with one of <see cref="MapAsync"/> (values in input order), <see cref="AsOrdered"/> (values streamed
/// in input order), <see cref="AsCompleted"/> (outcomes streamed as they finish) or
/// <see cref="RunAsync"/> (a report of every task). Each call is a separate run that reads the source
/// again; runs of the same job share its <see cref="Id"/>, so task ids are stable across runs.
/// Create jobs with <c>WorkerPool.CreateJob</c>.
/// </summary>
/// <typeparam name="TIn">Input type.</typeparam>
/// <typeparam name="TOut">Output type.</typeparam>
public sealed class Job<TIn, TOut>
{
    private readonly WorkerPool _pool;
    private readonly IEnumerable<TIn>? _inputs;
    private readonly IAsyncEnumerable<TIn>? _asyncInputs;
    private readonly Func<TIn, TOut>? _work;
    private readonly Func<TIn, CancellationToken, Task<TOut>>? _asyncWork;
    private readonly Func<TIn, CancellationToken, TOut>? _workWithToken;

    internal Job(WorkerPool pool, IEnumerable<TIn>? inputs, IAsyncEnumerable<TIn>? asyncInputs,
        Func<TIn, TOut>? work, Func<TIn, CancellationToken, Task<TOut>>? asyncWork, JobOptions? options,
        Func<TIn, CancellationToken, TOut>? workWithToken = null)
    {
        _workWithToken = workWithToken;
        _pool = pool;
        _inputs = inputs;
        _asyncInputs = asyncInputs;
        _work = work;
        _asyncWork = asyncWork;
        Options = options ?? JobOptions.Default;
        Id = Options.JobId ?? JobSettings.NewJobId();
    }

    /// <summary>The job's id; task ids are <c>"{Id}#{index}"</c>.</summary>
    public string Id { get; }

    /// <summary>The job's settings (over the pool's).</summary>
    public JobOptions Options { get; }

    /// <summary>
    /// Runs every task and returns the values in input order (Python's <c>pool.map</c>). The whole batch
    /// runs even when tasks fail; then a <see cref="JobFailedException"/> lists every task that did not
    /// succeed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the job; the returned task is then cancelled.</param>
    /// <exception cref="JobFailedException">Some task failed, timed out, or the deadline passed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled or the pool stopped forcibly.</exception>
    /// <exception cref="ObjectDisposedException">The pool is stopping.</exception>
    public Task<IReadOnlyList<TOut>> MapAsync(CancellationToken cancellationToken = default)
    {
        var source = Source();
        var sink = new CollectSink<TIn, TOut>(keepValues: true, source.List?.Count);
        _pool.Start(Shared(), source, sink, cancellationToken);
        return sink.Result;
    }

    /// <summary>
    /// Runs every task and returns a report with each input's outcome (value or error, attempts,
    /// duration), in input order. Task failures do not make it throw; cancellation does not either
    /// (unfinished tasks are reported Cancelled).
    /// </summary>
    /// <param name="cancellationToken">Cancels the job: dispatching stops, running async tasks are cancelled, and the report lists the remaining tasks as Cancelled.</param>
    /// <exception cref="ObjectDisposedException">The pool is stopping.</exception>
    public Task<JobReport<TIn, TOut>> RunAsync(CancellationToken cancellationToken = default)
    {
        var sink = new ReportSink<TIn, TOut>();
        _pool.Start(Shared(), Source(), sink, cancellationToken);
        return sink.Result;
    }

    /// <summary>
    /// Streams every task's outcome as soon as it is final, in completion order (Python's
    /// <c>imap_unordered</c> / <c>as_completed</c>). The job starts when enumeration starts; an outcome
    /// stays in the in-flight window until the loop asks for the next one, so a slow consumer slows the
    /// job instead of buffering without bound. Cancelling (or leaving the loop early) cancels the job;
    /// after a cancellation the remaining tasks still arrive, as Cancelled.
    /// </summary>
    /// <param name="cancellationToken">Cancels the job.</param>
    public async IAsyncEnumerable<TaskResult<TIn, TOut>> AsCompleted([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sink = new StreamSink<TIn, TOut>(ordered: false);
        var control = _pool.Start(Shared(), Source(), sink, CancellationToken.None);
        await foreach (var result in sink.ReadAllAsync(control, cancellationToken).ConfigureAwait(false)) yield return result;
    }

    /// <summary>
    /// Streams the values in input order as they become available (Python's <c>imap</c>), within the
    /// in-flight window. At a task that did not succeed the stream throws <see cref="TaskFailedException"/>
    /// (and the rest of the job is cancelled).
    /// </summary>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <exception cref="TaskFailedException">A task failed, timed out or was cancelled.</exception>
    public async IAsyncEnumerable<TOut> AsOrdered([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sink = new StreamSink<TIn, TOut>(ordered: true);
        var control = _pool.Start(Shared(), Source(), sink, CancellationToken.None);
        await foreach (var result in sink.ReadAllAsync(control, cancellationToken).ConfigureAwait(false))
        {
            if (result.Status != TaskOutcome.Succeeded) throw new TaskFailedException(result);
            yield return result.Value;
        }
    }

    /// <summary>Runs the job with a custom sink (map-reduce and submit use this).</summary>
    internal JobControl Start(JobSink<TIn, TOut> sink, CancellationToken cancellationToken) =>
        _pool.Start(Shared(), Source(), sink, cancellationToken);

    private JobShared<TIn, TOut> Shared() => new(JobSettings.Resolve(_pool.Options, Options, Id), _work, _asyncWork, _workWithToken);

    private InputSource<TIn> Source() => _inputs is not null ? InputSource<TIn>.From(_inputs) : InputSource<TIn>.From(_asyncInputs!);
}
