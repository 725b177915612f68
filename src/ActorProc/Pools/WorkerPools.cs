using System.Collections.Concurrent;
using Akka;
using Akka.Configuration;

namespace ActorProc.Pools;

/// <summary>
/// The named worker pools of one actor system (an Akka extension): get one with
/// <c>system.GetWorkerPool("ingest")</c> or <c>WorkerPools.For(system).Get("ingest")</c>. A pool is
/// created on first use with its options read from the system's configuration
/// (<c>actorproc.pool</c>, with <c>actorproc.pools.&lt;name&gt;</c> over it) or registered up front with
/// explicit options (Akka.Hosting's <c>WithActorProc</c> does that). When the system shuts down
/// (Akka's CoordinatedShutdown, phase <c>service-requests-done</c>), every pool drains: running jobs may
/// finish within the pool's <see cref="WorkerPoolOptions.DrainTimeout"/> (default here: 30 s), then
/// they are cancelled and their unfinished tasks reported Cancelled.
/// <para>
/// Concurrency contract: any thread. Pools live in a concurrent dictionary; a pool is created at most
/// once per name (the factory runs under a lazy value).
/// </para>
/// </summary>
public sealed class WorkerPools : IExtension
{
    private static readonly TimeSpan DefaultDrain = TimeSpan.FromSeconds(30);
    private readonly ExtendedActorSystem _system;
    private readonly ConcurrentDictionary<string, Lazy<WorkerPool>> _pools = new(StringComparer.Ordinal);

    internal WorkerPools(ExtendedActorSystem system)
    {
        _system = system;
        ActorProcConfig.EnsureDefaults(system);
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "actorproc-drain-worker-pools", DrainAllAsync);
    }

    /// <summary>The pools of <paramref name="system"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static WorkerPools For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<WorkerPools, WorkerPoolsProvider>();
    }

    /// <summary>Names of the pools created so far.</summary>
    public IReadOnlyCollection<string> Names => _pools.Keys.ToArray();

    /// <summary>The pool named <paramref name="name"/>, created from configuration on first use.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ConfigurationException">The pool's configuration is invalid; the message names the key.</exception>
    public WorkerPool Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _pools.GetOrAdd(name, n => new Lazy<WorkerPool>(() => Create(WorkerPoolOptions.FromConfig(_system.Settings.Config, n)))).Value;
    }

    /// <summary>
    /// Registers and starts the pool named <paramref name="name"/> with <paramref name="configure"/>
    /// applied to the options read from configuration.
    /// </summary>
    /// <exception cref="InvalidOperationException">A pool of that name exists already.</exception>
    public WorkerPool Add(string name, Func<WorkerPoolOptions, WorkerPoolOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lazy = new Lazy<WorkerPool>(() =>
        {
            var options = WorkerPoolOptions.FromConfig(_system.Settings.Config, name);
            return Create((configure?.Invoke(options) ?? options) with { Name = name });
        });
        if (!_pools.TryAdd(name, lazy)) throw new InvalidOperationException($"A worker pool named \"{name}\" already exists in actor system {_system.Name}.");
        return lazy.Value;
    }

    private WorkerPool Create(WorkerPoolOptions options) => new(_system, options);

    private async Task<Done> DrainAllAsync()
    {
        var stops = _pools.Values.Where(p => p.IsValueCreated).Select(p => p.Value)
            .Select(pool => pool.StopAsync(pool.Options.DrainTimeout ?? DefaultDrain));
        await Task.WhenAll(stops).ConfigureAwait(false);
        return Done.Instance;
    }

    /// <summary>Akka's extension id of <see cref="WorkerPools"/>.</summary>
    private sealed class WorkerPoolsProvider : ExtensionIdProvider<WorkerPools>
    {
        public override WorkerPools CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
