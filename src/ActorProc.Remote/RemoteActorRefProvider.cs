using System.Collections.Concurrent;
using System.Diagnostics;
using ActorProc.Core.Actors;
using ActorProc.Core.Events;
using ActorProc.Remote.Deployment;
using ActorProc.Remote.Faults;
using ActorProc.Remote.FailureDetection;
using ActorProc.Remote.Handshake;
using ActorProc.Remote.Serialization;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote;

/// <summary>
/// The heart of remoting for one actor system: owns the listener, the associations (one per remote node), the
/// serialization registry, the remote watcher and the deployment host, and implements the kernel's
/// <see cref="IRemoteProvider"/> hook and the ref codec used by serializers.
/// <para>
/// Concurrency contract: every public member is thread-safe. Maps are concurrent; the association of a node is
/// created once (GetOrAdd) and lives until shutdown. <see cref="_shuttingDown"/> goes 0 → 1 once.
/// </para>
/// </summary>
internal sealed partial class RemoteActorRefProvider : IRemoteProvider
{
    public const string Protocol = "actorproc.tcp";

    private readonly ConcurrentDictionary<Address, Association> _associations = new();
    private readonly ConcurrentDictionary<(Address Node, long Uid, Address Dialed), InboundSystemSequence> _inboundSequences = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _resendTimer;
    private TcpListenerLoop? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private int _shuttingDown;
    private long _bytesWritten;
    private long _writes;

    public RemoteActorRefProvider(ActorSystem system, RemoteSettings settings)
    {
        System = system;
        Settings = settings;
        Log = system.Logging.GetLogger($"remoting({system.Name})", typeof(Remoting));
        Uid = Random.Shared.NextInt64(1, long.MaxValue);
        Address = new Address(Protocol, system.Name, settings.Hostname, settings.Port);
        Serialization = new SerializationRegistry(this);
        foreach (var (manifest, typeName) in settings.SerializationBindings)
        {
            var type = Type.GetType(typeName, throwOnError: false)
                ?? throw new Core.Configuration.ConfigurationException($"actorproc.remote.serialization.bindings.\"{manifest}\": type '{typeName}' cannot be loaded");
            Serialization.Register(type, manifest);
        }
        Authenticator = new HandshakeAuthenticator(settings.Secret);
        Streams = new ConnectionStreams(settings.Tls);
        Faults = new FaultInjector();
        Deployments = new DeploymentHost(this);
        Watcher = new RemoteWatcher(this);
    }

    public ActorSystem System { get; }
    public RemoteSettings Settings { get; }
    public ILoggingAdapter Log { get; }

    /// <summary>This node's incarnation uid: a new random value per start, so a restarted node is told apart.</summary>
    public long Uid { get; }

    /// <summary>This node's network address (the bound port once started).</summary>
    public Address Address { get; private set; }

    public SerializationRegistry Serialization { get; }
    public HandshakeAuthenticator Authenticator { get; }
    public ConnectionStreams Streams { get; }
    public FaultInjector Faults { get; }
    public DeploymentHost Deployments { get; }
    public RemoteWatcher Watcher { get; }
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>Bytes written to all outbound connections so far (frames, including headers).</summary>
    public long BytesWritten => Volatile.Read(ref _bytesWritten);

    /// <summary>Socket writes (batches) made so far on all outbound connections.</summary>
    public long Writes => Volatile.Read(ref _writes);

    /// <summary>Counts one batch write of <paramref name="bytes"/> (writer loops).</summary>
    public void CountWritten(int bytes)
    {
        Interlocked.Add(ref _bytesWritten, bytes);
        Interlocked.Increment(ref _writes);
    }

    /// <summary>Completes when remoting has shut down.</summary>
    public Task WhenStopped => _stopped.Task;

    /// <summary>Binds the listener, registers with the actor system and starts accepting connections.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The host/port cannot be bound.</exception>
    public void Start()
    {
        _listener = new TcpListenerLoop(this, Settings.Hostname, Settings.Port);
        Address = Address with { Port = _listener.BoundPort };
        System.RegisterRemoteProvider(this, Address);
        Watcher.AddressTerminated += OnAddressTerminated;
        var resend = Settings.SystemMessageResendInterval;
        _resendTimer = System.TimeProvider.CreateTimer(static p => ((RemoteActorRefProvider)p!).ResendTick(), this, resend, resend);
        Deployments.Start();
        System.SystemActorOf(Props.Create(() => new RemotingLifecycle(this)), "remoting");
        _acceptLoop = Task.Run(() => _listener.AcceptLoopAsync(_shutdown.Token));
        // Fallback for a forced shutdown, in which the lifecycle actor may never run its PostStop.
        System.WhenTerminated.ContinueWith(static (_, p) => ((RemoteActorRefProvider)p!).ShutdownAsync(), this, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        Log.Info("Remoting started; listening on {0} (incarnation {1})", Address, Uid);
    }

    /// <summary>The association of <paramref name="address"/>, created on first use.</summary>
    public Association AssociationFor(Address address) => _associations.GetOrAdd(address, static (a, p) => new Association(p, a), this);

    /// <summary>
    /// What was delivered of the system messages from <paramref name="node"/>'s incarnation <paramref name="uid"/>, sent
    /// to this node as <paramref name="dialed"/> (the sender numbers per address it dials); survives reconnects.
    /// </summary>
    public InboundSystemSequence InboundSequenceOf(Address node, long uid, Address dialed) =>
        _inboundSequences.GetOrAdd((node, uid, dialed), static _ => new InboundSystemSequence());

    /// <summary>Asks associations whose system messages wait for acks to check for a stall and resend.</summary>
    private void ResendTick()
    {
        foreach (var association in _associations.Values)
            if (association.HasUnackedSystemMessages) association.RequestResend();
    }

    /// <summary>True when <paramref name="uid"/> is a quarantined incarnation of <paramref name="address"/>.</summary>
    public bool IsQuarantined(Address address, long uid) => _associations.TryGetValue(address, out var a) && a.IsQuarantined(uid);

    /// <summary>A handshake (either direction) told the node's uid: a different one than before means the old incarnation is gone.</summary>
    public void OnHandshake(Address remote, long uid)
    {
        var previous = AssociationFor(remote).RecordIncarnation(uid);
        if (previous == 0) return;
        AssociationFor(remote).Quarantine(previous, $"it restarted as incarnation {uid}", dropQueued: false);
        foreach (var key in _inboundSequences.Keys)
            if (key.Node == remote && key.Uid == previous) _inboundSequences.TryRemove(key, out _);
        Watcher.TerminateAddress(remote, $"restarted as a new incarnation ({previous} → {uid})");
    }

    /// <summary>The failure detector gave up on <paramref name="address"/>.</summary>
    public void OnUnreachable(Address address, string reason)
    {
        var association = AssociationFor(address);
        association.Quarantine(association.RemoteUid, reason, dropQueued: true);
        Watcher.TerminateAddress(address, reason);
    }

    /// <summary>Stops deployments tied to the node and forgets children deployed there.</summary>
    private void OnAddressTerminated(Address address)
    {
        Deployments.StopDeployedBy(address);
        ForgetDeployedChildrenOn(address);
    }

    /// <summary>Stops accepting and sending: pending queues get a short grace period to flush, then everything closes.</summary>
    public async Task ShutdownAsync()
    {
        if (Interlocked.Exchange(ref _shuttingDown, 1) != 0)
        {
            await _stopped.Task.ConfigureAwait(false);
            return;
        }
        try
        {
            Deployments.StopAllAndNotifyParents();
            Watcher.Dispose();
            _resendTimer?.Dispose();
            // Let what is queued (e.g. the death notifications just sent) reach the wire. There is nothing to await for
            // "everything was written", so this polls, bounded by a short deadline.
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2) && _associations.Values.Any(a => a.HasUnwritten && a.Loop is not null))
                await Task.Delay(10).ConfigureAwait(false);
            _shutdown.Cancel();
            _listener?.Dispose();
            var loops = _associations.Values.Select(a => a.Loop).OfType<Task>().Append(_acceptLoop);
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Log.Warning("Remoting shut down before every connection had closed: {0}", e.Message);
        }
        finally
        {
            Log.Info("Remoting on {0} shut down", Address);
            _stopped.TrySetResult();
        }
    }

    /// <summary>Publishes an undeliverable message as a dead letter with its reason.</summary>
    public void DeadLetter(object message, IActorRef? sender, IActorRef recipient, string reason) =>
        System.EventStream.Publish(new DeadLetter(message, sender ?? Nobody.Instance, recipient) { Reason = reason });

    /// <summary>An outgoing message could not be sent (not registered, too big, queue full, node gone).</summary>
    public void DropOutbound(in OutboundEnvelope envelope, string reason)
    {
        var message = envelope.Message is SelectionPayload selection ? selection.Message : envelope.Message;
        DeadLetter(message, envelope.Sender, envelope.Recipient, reason);
    }
}
