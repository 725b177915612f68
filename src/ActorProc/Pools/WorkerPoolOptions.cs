using ActorProc.Configuration;
using ActorProc.Internal;

namespace ActorProc.Pools;

/// <summary>
/// Settings of a <see cref="WorkerPool"/>: how many workers, where they run, and the defaults every
/// job on the pool inherits (retries, timeouts, chunking, in-flight window). Each setting is checked
/// when it is set: an invalid value throws <see cref="ArgumentException"/> whose <c>ParamName</c> is
/// the setting's name.
/// </summary>
/// <remarks>
/// Defaults: <see cref="Workers"/> = cores; sync work on the CPU dispatcher; async work on the
/// default (ThreadPool) dispatcher with at most <see cref="MaxConcurrency"/> = 1,000 tasks awaiting at
/// once; smallest-mailbox routing; no retries; no timeouts; automatic chunking (about
/// <see cref="ChunkTargetDuration"/> = 10 ms of work per chunk); a window of 65,536 inputs in flight per job.
/// </remarks>
public sealed record WorkerPoolOptions
{
    private readonly int _workers = Environment.ProcessorCount;
    private readonly string _dispatcher = PoolDispatchers.Cpu;
    private readonly string _asyncDispatcher = PoolDispatchers.Default;
    private readonly string _replacementDispatcher = PoolDispatchers.Replacement;
    private readonly int _maxRetries;
    private readonly RetryBackoff _retryBackoff = RetryBackoff.Default;
    private readonly TimeSpan? _taskTimeout;
    private readonly TimeSpan? _jobDeadline;
    private readonly int? _maxTasksPerWorker;
    private readonly int? _chunkSize;
    private readonly TimeSpan _chunkTargetDuration = TimeSpan.FromMilliseconds(10);
    private readonly int _maxInFlight = 65_536;
    private readonly int _maxConcurrency = 1_000;
    private readonly TimeSpan _shutdownTimeout = TimeSpan.FromSeconds(10);
    private readonly TimeSpan? _drainTimeout;
    private readonly string? _name;

    /// <summary>The defaults described in the remarks (the same as <c>actorproc.pool</c> in actorproc.conf).</summary>
    public static WorkerPoolOptions Default { get; } = new();

    /// <summary>
    /// Reads the options from HOCON: the <c>actorproc.pool</c> block of <paramref name="config"/> (over
    /// ActorProc's defaults), with <c>actorproc.pools.&lt;poolName&gt;</c> over it when a name is given.
    /// Settings not in the config keep their defaults; <c>with</c> expressions override any of them in code.
    /// </summary>
    /// <param name="config">A system's configuration, e.g. <c>system.Settings.Config</c>.</param>
    /// <param name="poolName">The pool's name (also its supervisor's actor name), or null.</param>
    /// <exception cref="Akka.Configuration.ConfigurationException">A value is malformed or out of range; the message names the key.</exception>
    public static WorkerPoolOptions FromConfig(Akka.Configuration.Config config, string? poolName = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Configuration.PoolSettingsReader.Read(config, poolName);
    }

    /// <summary>Number of worker actors for synchronous (CPU-bound) work, ≥ 1. Default: <see cref="Environment.ProcessorCount"/>.</summary>
    public int Workers { get => _workers; init => _workers = Check.AtLeast(value, 1, nameof(Workers)); }

    /// <summary>Dispatcher of the workers that run synchronous delegates. Default: <see cref="PoolDispatchers.Cpu"/>.</summary>
    public string Dispatcher { get => _dispatcher; init => _dispatcher = Check.NotBlank(value, nameof(Dispatcher)); }

    /// <summary>Dispatcher of the workers that start asynchronous delegates. Default: <see cref="PoolDispatchers.Default"/> (the .NET ThreadPool).</summary>
    public string AsyncDispatcher { get => _asyncDispatcher; init => _asyncDispatcher = Check.NotBlank(value, nameof(AsyncDispatcher)); }

    /// <summary>
    /// Dispatcher of a worker that replaces one stuck in a task past its <see cref="TaskTimeout"/>.
    /// Default: <see cref="PoolDispatchers.Replacement"/>, a fresh thread of its own, because the stuck
    /// worker keeps its thread (a .NET thread running user code cannot be aborted): the pool keeps its
    /// number of running workers even though the CPU dispatcher has lost a thread. With the default of
    /// one worker per CPU-dispatcher thread that is enough; a pool with more workers than that
    /// dispatcher has threads, whose tasks may hang, should run on the pinned dispatcher altogether
    /// (<see cref="Dispatcher"/>), or its remaining workers share fewer threads after each hang.
    /// </summary>
    public string ReplacementDispatcher { get => _replacementDispatcher; init => _replacementDispatcher = Check.NotBlank(value, nameof(ReplacementDispatcher)); }

    /// <summary>How chunks are spread over the workers. Default: <see cref="WorkerRouter.SmallestMailbox"/>.</summary>
    public WorkerRouter Router { get; init; } = WorkerRouter.SmallestMailbox;

    /// <summary>
    /// An Akka resizer that grows and shrinks the router pools with the load (e.g.
    /// <c>new DefaultResizer(2, 16)</c>), or null for a fixed <see cref="Workers"/> (the default). Jobs
    /// dispatch for the resizer's upper bound.
    /// </summary>
    public Akka.Routing.Resizer? Resizer { get; init; }

    /// <summary>Retries of a failed task after its first attempt, ≥ 0 (so a task runs at most MaxRetries + 1 times). Default: 0.</summary>
    public int MaxRetries { get => _maxRetries; init => _maxRetries = Check.AtLeast(value, 0, nameof(MaxRetries)); }

    /// <summary>Delay between attempts. Default: <see cref="Pools.RetryBackoff.Default"/>.</summary>
    public RetryBackoff RetryBackoff
    {
        get => _retryBackoff;
        init
        {
            Check.NotNull(value, nameof(RetryBackoff)).Validate(nameof(RetryBackoff));
            _retryBackoff = value;
        }
    }

    /// <summary>
    /// Which failures are worth retrying (transient ones). Null (the default) retries every failure
    /// while attempts remain; <see cref="OperationCanceledException"/> caused by the job's own
    /// cancellation is never retried.
    /// </summary>
    public Func<Exception, bool>? RetryOn { get; init; }

    /// <summary>
    /// Failures that kill the worker running the task: the worker is restarted by its supervisor, and the
    /// task is re-dispatched (counting an attempt) or reported failed when its attempts are used up.
    /// Null (the default): no exception is fatal.
    /// </summary>
    public Func<Exception, bool>? FatalExceptions { get; init; }

    /// <summary>
    /// Longest run of one task (one attempt), &gt; 0, or null for none (the default). A task past it is
    /// reported <see cref="TaskOutcome.TimedOut"/> (or retried); a synchronous task that does not return
    /// keeps its thread, and its worker is replaced so the others continue.
    /// </summary>
    public TimeSpan? TaskTimeout { get => _taskTimeout; init => _taskTimeout = Check.PositiveOrNull(value, nameof(TaskTimeout)); }

    /// <summary>Longest run of a whole job, &gt; 0, or null for none (the default); unfinished tasks are then reported timed out or cancelled.</summary>
    public TimeSpan? JobDeadline { get => _jobDeadline; init => _jobDeadline = Check.PositiveOrNull(value, nameof(JobDeadline)); }

    /// <summary>Tasks a worker runs before it is recycled (restarted as a fresh instance), ≥ 1, or null for never (the default). Python's <c>maxtasksperchild</c>.</summary>
    public int? MaxTasksPerWorker { get => _maxTasksPerWorker; init => _maxTasksPerWorker = Check.AtLeastOrNull(value, 1, nameof(MaxTasksPerWorker)); }

    /// <summary>Tasks per chunk sent to a worker, ≥ 1, or null (the default) to size chunks automatically from measured task times.</summary>
    public int? ChunkSize { get => _chunkSize; init => _chunkSize = Check.AtLeastOrNull(value, 1, nameof(ChunkSize)); }

    /// <summary>How much work automatic chunking aims to put in one chunk, &gt; 0. Default: 10 ms: long enough that the round trip of a chunk through the actors (up to a millisecond when every core is busy) costs little, short enough for balanced tails and prompt progress.</summary>
    public TimeSpan ChunkTargetDuration { get => _chunkTargetDuration; init => _chunkTargetDuration = Check.Positive(value, nameof(ChunkTargetDuration)); }

    /// <summary>
    /// The in-flight window of a job, ≥ 1: inputs read from the source whose result has not yet been
    /// handed to the consumer. Bounds the memory of jobs over huge lazy sources. Default: 65,536.
    /// </summary>
    public int MaxInFlight { get => _maxInFlight; init => _maxInFlight = Check.AtLeast(value, 1, nameof(MaxInFlight)); }

    /// <summary>
    /// Most asynchronous tasks awaiting at once on the whole pool, ≥ 1. Default: 1,000. A task that timed
    /// out gives its slot back at once, even if it ignores its cancellation token and keeps running.
    /// </summary>
    public int MaxConcurrency { get => _maxConcurrency; init => _maxConcurrency = Check.AtLeast(value, 1, nameof(MaxConcurrency)); }

    /// <summary>
    /// How long a graceful stop (<c>DisposeAsync</c>, <c>StopAsync()</c>) lets running jobs finish before it
    /// cancels them, &gt; 0, or null to wait as long as they take (the default).
    /// </summary>
    public TimeSpan? DrainTimeout { get => _drainTimeout; init => _drainTimeout = Check.PositiveOrNull(value, nameof(DrainTimeout)); }

    /// <summary>How long stopping the pool waits for its workers to stop, &gt; 0. Default: 10 s.</summary>
    public TimeSpan ShutdownTimeout { get => _shutdownTimeout; init => _shutdownTimeout = Check.Positive(value, nameof(ShutdownTimeout)); }

    /// <summary>
    /// Runs the pool's named tasks in child worker processes (see <see cref="Isolation.WorkerIsolation"/>), or
    /// null to run everything in this process (the default). Only named tasks cross into the processes
    /// (<see cref="RegisteredTask.CreateJob"/>, <see cref="WorkerPool.Isolated{TIn,TOut}(string)"/>); delegates
    /// given directly still run here. Async work on an isolated pool is limited to processes × tasks in
    /// flight per process at once.
    /// </summary>
    public Isolation.WorkerIsolation? Isolation { get; init; }

    /// <summary>Name of the pool's supervisor actor (also the actor system's name for a standalone pool); null picks a unique one.</summary>
    public string? Name { get => _name; init => _name = value is null ? null : Check.NotBlank(value, nameof(Name)); }
}
