using ActorProc.Configuration;
using ActorProc.TestKit.Faults;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorProc.TestKit.Pools;

/// <summary>
/// An Akka.TestKit (xunit 2) base class for tests of worker pools: its <c>Sys</c> is configured with
/// ActorProc's defaults (the CPU and replacement dispatchers, <c>actorproc.pool</c>) under your
/// configuration; <see cref="CreatePool"/> creates pools on <c>Sys</c> and the kit stops them at the end
/// of each test, before the system shuts down; the awaiting helpers bound every wait with a timeout
/// dilated by <c>akka.test.timefactor</c>, so slow build machines stretch them instead of failing.
/// </summary>
/// <remarks>
/// Stopping at the end of a test: each pool drains for at most <see cref="DrainTimeout"/> (dilated),
/// then its jobs are cancelled. Dispose your <see cref="FaultPlan{TIn,TOut}"/>s inside the test
/// (<c>using var plan = …</c>) so that hung synchronous calls give their threads back first.
/// </remarks>
public class WorkerPoolTestKit : global::Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private readonly List<WorkerPool> _pools = [];
    private readonly object _poolsGate = new();

    /// <summary>A kit whose system has ActorProc's defaults and Akka.TestKit's.</summary>
    /// <param name="output">xunit's output, to see the system's log in the test's output; or null.</param>
    public WorkerPoolTestKit(ITestOutputHelper? output = null) : this((Config?)null, output) { }

    /// <summary>A kit whose system has <paramref name="config"/> (HOCON) over ActorProc's defaults.</summary>
    /// <param name="config">HOCON text, e.g. <c>"akka.test.timefactor = 2"</c>.</param>
    /// <param name="output">xunit's output, or null.</param>
    /// <exception cref="ConfigurationException"><paramref name="config"/> is malformed.</exception>
    public WorkerPoolTestKit(string config, ITestOutputHelper? output = null) : this(ConfigurationFactory.ParseString(config), output) { }

    /// <summary>A kit whose system has <paramref name="config"/> over ActorProc's defaults.</summary>
    /// <param name="config">The configuration, or null for the defaults alone.</param>
    /// <param name="output">xunit's output, or null.</param>
    /// <param name="actorSystemName">The system's name, or null for the TestKit's default.</param>
    public WorkerPoolTestKit(Config? config, ITestOutputHelper? output = null, string? actorSystemName = null)
        : base(ActorProcConfig.WithDefaults(config), actorSystemName, output) { }

    /// <summary>How long a helper waits for a job by default, before dilation. Default: 20 s (only reached when a test fails).</summary>
    protected virtual TimeSpan JobTimeout => TimeSpan.FromSeconds(20);

    /// <summary>How long stopping a pool at the end of a test lets its jobs drain before cancelling them, before dilation. Default: 5 s.</summary>
    protected virtual TimeSpan DrainTimeout => TimeSpan.FromSeconds(5);

    /// <summary>
    /// The options of <see cref="CreatePool"/> when none are given: 2 workers, no delay between retries,
    /// injected worker crashes fatal (<see cref="FaultOptionsExtensions.WithCrashesFatal"/>), and a
    /// dilated 5 s for stopping workers so a hung task cannot stall the end of a test for long.
    /// </summary>
    protected virtual WorkerPoolOptions DefaultPoolOptions => new WorkerPoolOptions
    {
        Workers = 2,
        RetryBackoff = RetryBackoff.None,
        ShutdownTimeout = Dilated(TimeSpan.FromSeconds(5)),
    }.WithCrashesFatal();

    /// <summary>A pool on <c>Sys</c>, stopped by the kit at the end of the test.</summary>
    /// <param name="options">The pool's options; null = <see cref="DefaultPoolOptions"/>. Given options are used as they are (call <c>WithCrashesFatal()</c> on them for crash plans).</param>
    /// <exception cref="ConfigurationException">A dispatcher named in the options is not configured.</exception>
    public WorkerPool CreatePool(WorkerPoolOptions? options = null)
    {
        var pool = new WorkerPool(Sys, options ?? DefaultPoolOptions);
        lock (_poolsGate) _pools.Add(pool);
        return pool;
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="max"/> (default <see cref="JobTimeout"/>), dilated.</summary>
    /// <exception cref="XunitException">The task did not complete in time.</exception>
    public async Task<T> AwaitAsync<T>(Task<T> task, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        await AwaitAsync((Task)task, max).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="max"/> (default <see cref="JobTimeout"/>), dilated.</summary>
    /// <exception cref="XunitException">The task did not complete in time.</exception>
    public async Task AwaitAsync(Task task, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = Dilated(max ?? JobTimeout);
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new XunitException($"The awaited operation did not complete within {limit} (dilated from {max ?? JobTimeout}).");
        }
    }

    /// <summary>Runs <paramref name="plan"/>'s work on every input on <paramref name="pool"/> and awaits the report, for at most <paramref name="max"/> (default <see cref="JobTimeout"/>), dilated.</summary>
    /// <exception cref="XunitException">The job did not complete in time.</exception>
    public Task<JobReport<TIn, TOut>> RunJobAsync<TIn, TOut>(WorkerPool pool, IEnumerable<TIn> inputs, FaultPlan<TIn, TOut> plan,
        JobOptions? options = null, TimeSpan? max = null) =>
        AwaitAsync(pool.RunAsync(inputs, plan, options), max);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the pool's <see cref="WorkerPool.Statistics"/>
    /// (e.g. <c>s =&gt; s.WorkerRestarts &gt; 0</c>), for at most <paramref name="max"/> (default: the
    /// TestKit's default timeout), dilated.
    /// </summary>
    /// <exception cref="XunitException">The condition did not hold in time; the message shows the last statistics.</exception>
    public Task AwaitStatisticsAsync(WorkerPool pool, Func<PoolStatistics, bool> condition, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(condition);
        return AwaitAssertAsync(() =>
        {
            var statistics = pool.Statistics;
            if (!condition(statistics)) throw new XunitException($"The pool's statistics do not meet the condition yet: {statistics}.");
        }, max);
    }

    /// <summary>Nothing to do before a test; part of xunit's <see cref="IAsyncLifetime"/>.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Stops the test's pools (xunit calls this after the test, before disposing the kit, which shuts the
    /// system down): each drains for at most <see cref="DrainTimeout"/> (dilated), then its jobs are cancelled.
    /// </summary>
    public virtual async Task DisposeAsync()
    {
        WorkerPool[] pools;
        lock (_poolsGate)
        {
            pools = [.. _pools];
            _pools.Clear();
        }
        await Task.WhenAll(pools.Select(p => p.StopAsync(Dilated(DrainTimeout)))).ConfigureAwait(false);
    }

    /// <summary>Cancels the jobs of pools <see cref="DisposeAsync"/> did not stop (the kit used outside xunit), then shuts the system down.</summary>
    protected override void AfterAll()
    {
        lock (_poolsGate)
        {
            // The system stops right after this; forcing is enough, nothing needs to wait for it.
            foreach (var pool in _pools) _ = pool.StopAsync(force: true);
            _pools.Clear();
        }
        base.AfterAll();
    }
}
