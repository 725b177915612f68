using System.Collections.Concurrent;
using ActorProc.Configuration;
using ActorProc.Submissions;

namespace ActorProc.Pools;

/// <summary>
/// A supervised pool of worker actors that runs your tasks on every core: <c>MapAsync</c> (results in
/// input order), <c>AsCompleted</c> (results as they finish), <c>Submit</c> (one task), <c>RunAsync</c>
/// (a full report), <c>ForEachAsync</c>, <c>MapReduceAsync</c>. Synchronous delegates run on N workers
/// on the CPU dispatcher; asynchronous delegates are started by workers on the default dispatcher,
/// with at most <see cref="WorkerPoolOptions.MaxConcurrency"/> awaiting at once. Failures are captured
/// per task, retried when the policy says so, and reported; nothing is silently dropped.
/// <para>
/// Create one on an existing actor system (<see cref="WorkerPool(ActorSystem, WorkerPoolOptions?)"/>)
/// or standalone with <see cref="Create(WorkerPoolOptions?)"/>, which creates and owns its system:
/// <c>await using var pool = WorkerPool.Create();</c>.
/// </para>
/// <para>
/// Stopping: <see cref="DisposeAsync"/> (and <c>StopAsync()</c>) stop accepting work and <b>drain</b>:
/// they wait until every job already started has completed, then stop the workers (and the owned
/// system). <c>StopAsync(force: true)</c> cancels running jobs instead: their unfinished tasks are
/// reported <see cref="TaskOutcome.Cancelled"/> at once. A synchronous task that never returns keeps
/// its thread either way (.NET cannot abort a thread); the pool waits at most
/// <see cref="WorkerPoolOptions.ShutdownTimeout"/> for such workers.
/// </para>
/// <para>
/// Concurrency contract: every member may be called from any thread. The only shared state here is
/// <see cref="_state"/> (running → stopping, set once with Interlocked), the set of active job runs
/// (a concurrent dictionary; a run registers before it checks the state and stopping sets the state
/// before it looks at the set, so no run slips past a stop), and the stop task, created once under
/// <see cref="_stopGate"/> (which guards nothing else and never runs user code). Jobs themselves are
/// actors and share nothing with this object but their <see cref="JobControl"/>.
/// </para>
/// </summary>
public sealed partial class WorkerPool : IAsyncDisposable, IWorkerPool
{
    private const int Running = 0, StoppingState = 1;
    private static int _poolCounter;

    private readonly bool _ownsSystem;
    private readonly IActorRef _supervisor;
    private readonly PoolCounters _counters = new();
    private readonly ConcurrencyLimiter _permits;
    private readonly ConcurrentDictionary<JobControl, byte> _active = new();
    private readonly object _stopGate = new();
    private int _state;
    private Task? _stopped;
    private SubmissionQueue? _syncSubmissions;
    private SubmissionQueue? _asyncSubmissions;

    /// <summary>Creates a pool on an existing actor system; the system is not stopped with the pool.</summary>
    /// <param name="system">The actor system to create the pool's actors in.</param>
    /// <param name="options">The pool's settings; null = <see cref="WorkerPoolOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">A dispatcher named in the options is not configured.</exception>
    public WorkerPool(ActorSystem system, WorkerPoolOptions? options = null) : this(system, options ?? WorkerPoolOptions.Default, ownsSystem: false) { }

    private WorkerPool(ActorSystem system, WorkerPoolOptions options, bool ownsSystem)
    {
        ArgumentNullException.ThrowIfNull(system);
        ActorProcConfig.EnsureDefaults(system); // its dispatchers, when the system was created without them
        System = system;
        Options = options;
        _ownsSystem = ownsSystem;
        _permits = new ConcurrencyLimiter(options.MaxConcurrency);
        foreach (var id in new[] { options.Dispatcher, options.AsyncDispatcher, options.ReplacementDispatcher })
        {
            // Fail fast on an unknown dispatcher id, rather than when the first job starts.
            if (!system.Dispatchers.HasDispatcher(id))
                throw new Akka.Configuration.ConfigurationException($"Worker pool {options.Name ?? "(unnamed)"}: dispatcher \"{id}\" is not configured (no such block in the actor system's configuration).");
        }
        var name = options.Name ?? $"worker-pool-{Interlocked.Increment(ref _poolCounter)}";
        _supervisor = system.ActorOf(Props.Create(() => new PoolSupervisor(options, _counters)), name);
    }

    /// <summary>Creates a standalone pool with an actor system of its own, stopped when the pool is disposed.</summary>
    /// <param name="options">The pool's settings; null = <see cref="WorkerPoolOptions.Default"/>.</param>
    public static WorkerPool Create(WorkerPoolOptions? options = null)
    {
        options ??= WorkerPoolOptions.Default;
        // One name for the owned system and the pool's supervisor.
        options = options with { Name = options.Name ?? $"worker-pool-{Interlocked.Increment(ref _poolCounter)}" };
        var system = ActorProcConfig.CreateSystem(options.Name);
        try
        {
            return new WorkerPool(system, options, ownsSystem: true);
        }
        catch
        {
            _ = system.Terminate();
            throw;
        }
    }

    /// <summary>Creates a pool on an existing actor system (the same as the constructor).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static WorkerPool Create(ActorSystem system, WorkerPoolOptions? options = null) => new(system, options);

    /// <summary>The actor system the pool's actors live in.</summary>
    public ActorSystem System { get; }

    /// <summary>The pool's settings.</summary>
    public WorkerPoolOptions Options { get; }

    /// <summary>Worker restarts, recycles and replacements so far.</summary>
    public PoolStatistics Statistics => new(_counters.Restarts, _counters.Recycled, _counters.Replaced, _counters.TasksStarted);

    /// <summary>Number of jobs not yet completed, counting each submitted task not yet completed as one.</summary>
    public int ActiveJobs
    {
        get
        {
            var jobs = _active.Count;
            foreach (var queue in new[] { _syncSubmissions, _asyncSubmissions })
            {
                if (queue is null) continue;
                if (_active.ContainsKey(queue.Control)) jobs--; // the queue's own job is not a job of the user's
                jobs += (int)queue.Pending;
            }
            return jobs;
        }
    }

    /// <summary>True once stopping has begun; no new work is accepted.</summary>
    public bool IsStopping => Volatile.Read(ref _state) != Running;

    /// <summary>
    /// Stops gracefully: no new work, wait for running jobs to complete (at most
    /// <see cref="WorkerPoolOptions.DrainTimeout"/>, then they are cancelled), then stop the workers.
    /// Safe to call more than once.
    /// </summary>
    public ValueTask DisposeAsync() => new(Options.DrainTimeout is { } drain ? StopAsync(drain) : StopAsync());

    /// <summary>
    /// Stops the pool. Graceful (<paramref name="force"/> false): waits for every running job to
    /// complete. Forced: cancels running jobs (their unfinished tasks are reported Cancelled). Either
    /// way no new work is accepted from the first call on, and the workers (and an owned actor system)
    /// are stopped at the end. A later forced call cancels jobs a graceful call is still waiting for.
    /// </summary>
    public Task StopAsync(bool force = false)
    {
        Task stopped;
        lock (_stopGate)
        {
            Interlocked.Exchange(ref _state, StoppingState);
            stopped = _stopped ??= StopCoreAsync();
        }
        if (force) CancelActiveJobs();
        return stopped;
    }

    /// <summary>Stops gracefully, but cancels whatever is still running after <paramref name="drainTimeout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="drainTimeout"/> is negative.</exception>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(drainTimeout, TimeSpan.Zero);
        var stopping = StopAsync(force: false);
        if (await Task.WhenAny(stopping, Task.Delay(drainTimeout)).ConfigureAwait(false) != stopping) CancelActiveJobs();
        await stopping.ConfigureAwait(false);
    }

    private void CancelActiveJobs()
    {
        foreach (var control in _active.Keys) control.RequestCancel(poolStopping: true);
    }

    private async Task StopCoreAsync()
    {
        await Task.Yield(); // never run the drain on the caller's stack inside the lock
        // Submissions end with the queue's job: it finishes what was submitted, then completes.
        _syncSubmissions?.Close();
        _asyncSubmissions?.Close();
        while (!_active.IsEmpty) await Task.WhenAll(_active.Keys.Select(c => c.Completion)).ConfigureAwait(false);
        try
        {
            await _supervisor.Ask<PoolShutDown>(ShutdownPool.Instance, Options.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            System.Log.Warning("Worker pool {0}: workers still busy after {1} (a task that does not return keeps its thread); stopping without them.", _supervisor.Path.Name, Options.ShutdownTimeout);
        }
        if (_ownsSystem) await System.Terminate().ConfigureAwait(false);
    }
}
