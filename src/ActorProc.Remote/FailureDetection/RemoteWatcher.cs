using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;

namespace ActorProc.Remote.FailureDetection;

/// <summary>
/// Remote death watch. Remembers which local actors watch which remote ones (and which remote children local
/// parents have), heartbeats every node that has any, and runs a phi-accrual failure detector per node. When a
/// node's phi crosses the threshold — or it comes back as a new incarnation — every watcher of an actor on it gets
/// <see cref="Terminated"/> with <c>AddressTerminated = true</c>, and the old incarnation is quarantined.
/// <para>
/// Concurrency contract: called from actor threads (Watch/Unwatch), connection readers (heartbeat acks, death
/// notifications) and the heartbeat timer. All state is guarded by <see cref="_gate"/>; notifications to
/// watchers and quarantine calls are made after the lock is released.
/// </para>
/// </summary>
internal sealed class RemoteWatcher : IDisposable
{
    private readonly RemoteActorRefProvider _provider;
    private readonly object _gate = new();
    private readonly Dictionary<Address, WatchedNode> _nodes = new();
    private readonly ITimer _timer;

    public RemoteWatcher(RemoteActorRefProvider provider)
    {
        _provider = provider;
        var interval = provider.Settings.HeartbeatInterval;
        _timer = provider.System.TimeProvider.CreateTimer(static s => ((RemoteWatcher)s!).Tick(), this, interval, interval);
    }

    /// <summary>Raised (outside the lock) with the address of a node whose incarnation is gone.</summary>
    public event Action<Address>? AddressTerminated;

    /// <summary>Nodes currently heartbeated (for tests and diagnostics).</summary>
    public IReadOnlyList<Address> WatchedNodes
    {
        get
        {
            lock (_gate) return _nodes.Keys.ToArray();
        }
    }

    private long NowMs
    {
        get
        {
            var time = _provider.System.TimeProvider;
            return (long)(time.GetTimestamp() * 1000.0 / time.TimestampFrequency);
        }
    }

    /// <summary>A local actor watches a remote one.</summary>
    public void Watch(RemoteActorRef watchee, IActorRef watcher)
    {
        lock (_gate) NodeFor(watchee.Address).Pairs.Add((watchee, watcher));
        _provider.AssociationFor(watchee.Address).RequestHeartbeat();
    }

    /// <summary>
    /// A local parent deployed <paramref name="child"/> on another node: the parent must hear of the child's death
    /// even if its node vanishes. Kept apart from watches, so the parent unwatching the child does not undo it.
    /// </summary>
    public void SuperviseChild(RemoteActorRef child, IActorRef parent)
    {
        lock (_gate) NodeFor(child.Address).Children.Add((child, parent));
        _provider.AssociationFor(child.Address).RequestHeartbeat();
    }

    /// <summary>A local actor stopped watching a remote one.</summary>
    public void Unwatch(RemoteActorRef watchee, IActorRef watcher)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(watchee.Address, out var node) && node.Pairs.Remove((watchee, watcher))) ForgetIfIdle(watchee.Address, node);
        }
    }

    /// <summary>A death notification arrived from the remote node: the pair is settled.</summary>
    public void WatcheeTerminated(IActorRef watchee, IActorRef watcher)
    {
        var address = watchee.Path.Address;
        lock (_gate)
        {
            if (_nodes.TryGetValue(address, out var node) && (node.Pairs.Remove((watchee, watcher)) | node.Children.Remove((watchee, watcher)))) ForgetIfIdle(address, node);
        }
    }

    /// <summary>Keeps a node heartbeated while something other than a watch depends on it (deployments).</summary>
    public void AddInterest(Address address)
    {
        lock (_gate) NodeFor(address).Interest++;
        _provider.AssociationFor(address).RequestHeartbeat();
    }

    /// <summary>Undoes one <see cref="AddInterest"/>.</summary>
    public void RemoveInterest(Address address)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(address, out var node) && node.Interest > 0)
            {
                node.Interest--;
                ForgetIfIdle(address, node);
            }
        }
    }

    /// <summary>A heartbeat ack arrived from <paramref name="address"/>.</summary>
    public void HeartbeatReceived(Address address)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(address, out var node)) node.Detector.Heartbeat(NowMs);
        }
    }

    /// <summary>
    /// The node's incarnation is gone (unreachable, or restarted with a new uid): every watcher of an actor on it
    /// gets Terminated (AddressTerminated), and <see cref="AddressTerminated"/> is raised.
    /// </summary>
    public void TerminateAddress(Address address, string reason)
    {
        List<(IActorRef Watchee, IActorRef Watcher)> pairs;
        lock (_gate)
        {
            if (!_nodes.Remove(address, out var node)) pairs = [];
            else pairs = [.. node.Pairs, .. node.Children.Except(node.Pairs)];
        }
        if (pairs.Count > 0) _provider.Log.Warning("{0} is gone ({1}): {2} watched actor(s) terminated", address, reason, pairs.Count);
        foreach (var (watchee, watcher) in pairs)
            if (watcher is IInternalActorRef target) target.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: true, AddressTerminated: true));
        AddressTerminated?.Invoke(address);
    }

    private void Tick()
    {
        var now = NowMs;
        List<Address> heartbeat = [];
        List<(Address Address, double Phi)> unreachable = [];
        lock (_gate)
        {
            foreach (var (address, node) in _nodes)
            {
                heartbeat.Add(address);
                var phi = node.Detector.Phi(now);
                if (phi >= node.Detector.Threshold) unreachable.Add((address, phi));
            }
        }
        foreach (var address in heartbeat) _provider.AssociationFor(address).RequestHeartbeat();
        foreach (var (address, phi) in unreachable) _provider.OnUnreachable(address, $"unreachable (phi {phi:0.0} ≥ {_provider.Settings.FailureDetector.Threshold})");
    }

    private WatchedNode NodeFor(Address address)
    {
        if (!_nodes.TryGetValue(address, out var node))
        {
            node = new WatchedNode(_provider.Settings.FailureDetector.Create());
            // Start the clock now, so a node that never answers is declared unreachable like one that stopped answering.
            node.Detector.Heartbeat(NowMs);
            _nodes.Add(address, node);
        }
        return node;
    }

    private void ForgetIfIdle(Address address, WatchedNode node)
    {
        if (node.Pairs.Count == 0 && node.Children.Count == 0 && node.Interest == 0) _nodes.Remove(address);
    }

    public void Dispose() => _timer.Dispose();

    private sealed class WatchedNode(PhiAccrualFailureDetector detector)
    {
        public PhiAccrualFailureDetector Detector { get; } = detector;
        /// <summary>Watches made by local actors (Watch / Unwatch).</summary>
        public HashSet<(IActorRef Watchee, IActorRef Watcher)> Pairs { get; } = [];

        /// <summary>Children deployed on the node, with their local parents (until they die).</summary>
        public HashSet<(IActorRef Watchee, IActorRef Watcher)> Children { get; } = [];
        public int Interest { get; set; }
    }
}
