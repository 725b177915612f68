using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Hosting;

/// <summary>
/// Drains the worker pools when the host stops. It runs in the host's <em>stopping</em> step
/// (<see cref="IHostedLifecycleService.StoppingAsync"/>), which comes before any hosted service's
/// <c>StopAsync</c> whatever the registration order, so Akka's hosted service has not begun
/// CoordinatedShutdown yet and the pools' actors are all alive. Each pool takes no new work and its
/// running jobs may finish until its <see cref="WorkerPoolOptions.DrainTimeout"/> or the host's shutdown
/// token (<c>HostOptions.ShutdownTimeout</c>) ends the wait; then its jobs are cancelled, their unfinished
/// tasks reported Cancelled, and a warning names the pool and the number of jobs.
/// <para>
/// Concurrency contract: the host calls the lifecycle methods one at a time; the system captured at
/// start is read once when stopping. The pools drain concurrently; each pool's stop is its own.
/// </para>
/// </summary>
internal sealed class WorkerPoolDrain(IServiceProvider services, ILogger<WorkerPoolDrain> logger) : IHostedLifecycleService
{
    private ActorSystem? _system;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Akka's hosted service has created and started the system by now; a host that failed to start has none to drain.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _system = services.GetService<ActorSystem>();
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_system is not { } system || system.WhenTerminated.IsCompleted) return;
        var pools = WorkerPools.For(system);
        var created = pools.Names.Select(name => TryGet(pools, name)).OfType<WorkerPool>();
        await Task.WhenAll(created.Select(pool => DrainAsync(pool, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>The pool, or null when its creation failed (that error went to whoever asked for it; there is nothing to drain).</summary>
    private WorkerPool? TryGet(WorkerPools pools, string name)
    {
        try
        {
            return pools.Get(name);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Worker pool {Pool} was never created; nothing to drain", name);
            return null;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DrainAsync(WorkerPool pool, CancellationToken hostDeadline)
    {
        var name = pool.Options.Name ?? "(unnamed)";
        var started = Stopwatch.GetTimestamp();
        var stopped = pool.StopAsync(force: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(hostDeadline);
        if (pool.Options.DrainTimeout is { } drainTimeout) deadline.CancelAfter(drainTimeout);
        try
        {
            await stopped.WaitAsync(deadline.Token).ConfigureAwait(false);
            logger.LogInformation("Worker pool {Pool} drained in {Elapsed:0.###} s", name, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The drain deadline passed: cancel what still runs (below).
        }
        var running = pool.ActiveJobs;
        var reason = hostDeadline.IsCancellationRequested ? "the host's shutdown timeout" : $"its drain timeout ({pool.Options.DrainTimeout!.Value.TotalSeconds:0.###} s)";
        logger.LogWarning("Worker pool {Pool}: {Jobs} job(s) still running after {Reason}; cancelling them, their unfinished tasks are reported Cancelled",
            name, running, reason);
        await pool.StopAsync(force: true).ConfigureAwait(false);
    }
}
