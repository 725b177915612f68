using System.Collections.Concurrent;
using Akka.Configuration;
using Akka.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace ActorProc.Hosting;

/// <summary>
/// The worker pools of a hosted actor system, created with their full options: HOCON, the host's
/// IConfiguration (<see cref="ConfigurationPoolSettings"/>) and the code registered with
/// <c>WithActorProc</c>, in that order. Every hosted path to a pool goes through here: the startup task
/// of <c>WithActorProc</c> and the <see cref="IWorkerPool"/> services of <c>AddActorProc</c>, whichever
/// comes first (a hosted service's constructor may resolve a pool before the actor system's startup
/// tasks run). The pools themselves live in <see cref="WorkerPools"/> (so <c>system.GetWorkerPool</c>
/// finds them and CoordinatedShutdown drains them).
/// <para>
/// Concurrency contract: any thread. The registry's only state is the set of names it created (a
/// concurrent dictionary); a pool is created at most once by <see cref="WorkerPools"/>, and a creation
/// that loses a race to another returns the winner's pool.
/// </para>
/// </summary>
internal sealed class HostedWorkerPools : IExtension
{
    /// <summary>The pool an unkeyed <see cref="IWorkerPool"/> is.</summary>
    public const string DefaultPool = "default";

    private readonly ActorSystem _system;
    private readonly WorkerPoolRegistrations _registrations;
    private readonly IConfiguration? _configuration;
    private readonly ConcurrentDictionary<string, byte> _created = new(StringComparer.Ordinal);

    private HostedWorkerPools(ActorSystem system)
    {
        _system = system;
        var setup = system.Settings.Setup.Get<ActorProcHostingSetup>();
        _registrations = setup.HasValue ? setup.Value.Registrations : new WorkerPoolRegistrations();
        // The host's configuration, when the system was made by Akka.Hosting (it passes the service provider).
        _configuration = system.Settings.Setup.Get<DependencyResolverSetup>().HasValue
            ? DependencyResolver.For(system).Resolver.GetService<IConfiguration>()
            : null;
    }

    /// <summary>The registry of <paramref name="system"/>.</summary>
    public static HostedWorkerPools For(ActorSystem system) => system.WithExtension<HostedWorkerPools, Provider>();

    /// <summary>The pools created when the host starts: those registered in code, then those declared in IConfiguration.</summary>
    public IEnumerable<string> Declared =>
        _registrations.All.Select(r => r.Name).Concat(ConfigurationPoolSettings.DeclaredPools(_configuration)).Distinct(StringComparer.Ordinal);

    /// <summary>Starts every declared pool (the host's start-up; a bad setting fails it, naming the key).</summary>
    public void StartDeclared()
    {
        foreach (var name in Declared) Get(name);
    }

    /// <summary>
    /// The pool <paramref name="name"/>, created on first use with its full options. Names must be known:
    /// registered in code, declared in IConfiguration or HOCON, <c>default</c>, or already created, so a
    /// misspelt name in <c>[FromKeyedServices]</c> fails instead of making a pool of defaults.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is unknown, or the pool was created before the host
    /// started without the options registered for it.</exception>
    /// <exception cref="ConfigurationException">A setting of the pool is invalid; the message names the key.</exception>
    public WorkerPool Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var pools = WorkerPools.For(_system);
        if (pools.Names.Contains(name)) return Existing(pools, name);
        if (!IsKnown(name))
            throw new InvalidOperationException(
                $"No worker pool named \"{name}\" in actor system {_system.Name}: register it with WithActorProc(pools => pools.Add(\"{name}\")), " +
                $"declare it under {ConfigurationPoolSettings.Section}:Pools:{name} in the configuration or in HOCON (actorproc.pools.{name}). Known pools: {string.Join(", ", KnownNames())}.");
        var options = OptionsFor(name); // before Add: a bad setting must not leave a broken pool behind
        _created.TryAdd(name, 0);
        try
        {
            return pools.Add(name, _ => options);
        }
        catch (InvalidOperationException) when (pools.Names.Contains(name))
        {
            return pools.Get(name); // another thread created it first, through here
        }
    }

    private WorkerPool Existing(WorkerPools pools, string name)
    {
        // A pool this registry did not create was made by system.GetWorkerPool (HOCON only) before the host
        // started; when code or IConfiguration has options for it, they were not applied: say so.
        if (!_created.ContainsKey(name) && Declared.Contains(name, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"The worker pool \"{name}\" was created before the host started (by system.GetWorkerPool or WorkerPools.Add), so the options " +
                $"registered for it with WithActorProc or {ConfigurationPoolSettings.Section}:Pools:{name} were not applied. Get it as an IWorkerPool service or after the host started.");
        return pools.Get(name);
    }

    private WorkerPoolOptions OptionsFor(string name)
    {
        var options = ConfigurationPoolSettings.Read(_system.Settings.Config, _configuration, name);
        var configure = _registrations.All.FirstOrDefault(r => r.Name == name).Configure;
        return (configure?.Invoke(options) ?? options) with { Name = name };
    }

    private bool IsKnown(string name) => KnownNames().Contains(name, StringComparer.Ordinal);

    private IEnumerable<string> KnownNames()
    {
        IEnumerable<string> hocon = _system.Settings.Config.HasPath("actorproc.pools")
            ? _system.Settings.Config.GetConfig("actorproc.pools").Root.GetObject().Items.Keys
            : [];
        return new[] { DefaultPool }.Concat(Declared).Concat(hocon).Concat(WorkerPools.For(_system).Names).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Akka's extension id of <see cref="HostedWorkerPools"/>.</summary>
    private sealed class Provider : ExtensionIdProvider<HostedWorkerPools>
    {
        public override HostedWorkerPools CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
