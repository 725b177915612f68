using System.Runtime.CompilerServices;
using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Remote.Faults;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote;

/// <summary>
/// Remoting of one actor system: start it with <c>system.UseRemoting()</c> after creating the system with a
/// config that sets <c>actorproc.remote.secret</c> (and usually <c>hostname</c>/<c>port</c>). From then on refs can
/// point at actors on other nodes (<c>system.ActorSelection("actorproc.tcp://sys@host:port/user/a")</c>), refs in
/// messages round-trip, <c>Watch</c> works across nodes, and <c>Props.WithDeploy(new Deploy(new RemoteScope(address)))</c>
/// creates children elsewhere. Delivery is at-most-once and ordered per sender–receiver pair.
/// Remoting shuts down with the actor system.
/// </summary>
public sealed class Remoting
{
    private static readonly ConditionalWeakTable<ActorSystem, Remoting> Started = new();

    private Remoting(RemoteActorRefProvider provider) => Provider = provider;

    internal RemoteActorRefProvider Provider { get; }

    /// <summary>The actor system.</summary>
    public ActorSystem System => Provider.System;

    /// <summary>This node's network address, e.g. <c>actorproc.tcp://sys@127.0.0.1:41234</c> (the bound port when port 0 was configured).</summary>
    public Address Address => Provider.Address;

    /// <summary>This node's incarnation uid: random per start, so peers can tell a restarted node from the old one.</summary>
    public long Uid => Provider.Uid;

    /// <summary>The settings read from <c>actorproc.remote</c>.</summary>
    public RemoteSettings Settings => Provider.Settings;

    /// <summary>The message types that may cross the wire; register yours here (or in HOCON) on every node.</summary>
    public SerializationRegistry Serialization => Provider.Serialization;

    /// <summary>Network fault injection for tests: blackhole, drop, duplicate or delay traffic with a node.</summary>
    public FaultInjector Faults => Provider.Faults;

    /// <summary>Transport counters so far (bytes and batched socket writes to other nodes), for benchmarks and monitoring.</summary>
    public TransportStatistics Statistics => new(Provider.BytesWritten, Provider.Writes);

    /// <summary>Completes when remoting has shut down (after the actor system terminated, or <see cref="ShutdownAsync"/>).</summary>
    public Task WhenStopped => Provider.WhenStopped;

    /// <summary>
    /// Starts remoting on <paramref name="system"/>: binds <c>hostname:port</c>, and from then on accepts
    /// authenticated connections. Called by <see cref="RemotingExtensions.UseRemoting"/>.
    /// </summary>
    /// <exception cref="ConfigurationException"><c>actorproc.remote.secret</c> is empty, or another key is invalid.</exception>
    /// <exception cref="InvalidOperationException">Remoting is already started on this system.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The address cannot be bound (e.g. the port is taken).</exception>
    internal static Remoting Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var settings = new RemoteSettings(system.Settings.Config);
        if (string.IsNullOrEmpty(settings.Secret))
            throw new ConfigurationException("actorproc.remote.secret: must be set (the same value on every node) before remoting can start");
        lock (Started)
        {
            if (Started.TryGetValue(system, out _)) throw new InvalidOperationException($"Remoting is already started on actor system '{system.Name}'.");
            var provider = new RemoteActorRefProvider(system, settings);
            try
            {
                provider.Start();
            }
            catch
            {
                provider.Watcher.Dispose(); // nothing else was started: the listener is what failed
                throw;
            }
            var remoting = new Remoting(provider);
            Started.Add(system, remoting);
            return remoting;
        }
    }

    /// <summary>The remoting started on <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">Remoting was not started on it.</exception>
    public static Remoting Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Started.TryGetValue(system, out var remoting)
            ? remoting
            : throw new InvalidOperationException($"Remoting is not started on actor system '{system.Name}'; call system.UseRemoting() first.");
    }

    /// <summary>
    /// A ref to the actor at <paramref name="path"/> (on any node) without a round trip. Its incarnation is unknown,
    /// so prefer <c>ActorSelection(path).ResolveOne(timeout)</c> when the actor must exist.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="path"/> is not an absolute actor path.</exception>
    public IActorRef RefFor(string path) => Provider.RefFor(ActorPath.Parse(path));

    /// <summary>
    /// Allows other nodes to deploy <typeparamref name="TActor"/> on this node with a <see cref="Deployment.RemoteScope"/>.
    /// The deploying node must use the same <paramref name="manifest"/>; by default it is <c>"Namespace.Type, Assembly"</c>.
    /// </summary>
    public void AllowDeployment<TActor>(string? manifest = null) where TActor : ActorBase, new() =>
        Provider.Deployments.Allow(typeof(TActor), manifest ?? $"{typeof(TActor).FullName}, {typeof(TActor).Assembly.GetName().Name}");

    /// <summary>Stops remoting before the actor system: queued messages get a short grace period, then every connection closes.</summary>
    public Task ShutdownAsync() => Provider.ShutdownAsync();

    /// <inheritdoc />
    public override string ToString() => $"Remoting({Address})";
}
