using ActorProc.Core.Actors;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Everything this node keeps about one remote node: its bounded send queue, the single outbound connection
/// that drains it (created on first use, re-created with exponential backoff when it breaks), the incarnation uid
/// learned from handshakes, the quarantined incarnations, and the unacknowledged system messages.
/// <para>
/// Concurrency contract: <see cref="Send"/>, <see cref="RequestHeartbeat"/> and the queries are called from any
/// thread. The writer loop (<see cref="RunAsync"/>) is started at most once (<see cref="_started"/> CAS) and is
/// the only consumer of the queue. <see cref="_remoteUid"/> is written with CAS/Exchange by handshakes.
/// Quarantined uids are kept in a concurrent set.
/// </para>
/// </summary>
internal sealed partial class Association
{
    private readonly RemoteActorRefProvider _provider;
    private readonly OutboundQueue _queue;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, bool> _quarantined = new();
    private int _started;
    private int _heartbeatPending;
    private long _remoteUid;
    private long _overflowCount;

    /// <summary>1 while the writer loop holds dequeued messages that are not yet written (set before it dequeues, cleared after the write).</summary>
    private int _writing;

    /// <summary>Set when queued messages must be dropped (quarantine, unreachable); consumed by the writer loop.</summary>
    private string? _dropReason;

    /// <summary>Set by the resend timer; the writer loop resends unacknowledged system messages if acks stalled.</summary>
    private int _resendPending;

    /// <summary>System messages sent but not yet acknowledged (reliable delivery of watch and supervision).</summary>
    private readonly SystemMessageBuffer _systemMessages;

    public Association(RemoteActorRefProvider provider, Address remoteAddress)
    {
        _provider = provider;
        RemoteAddress = remoteAddress;
        _queue = new OutboundQueue(provider.Settings.SendQueueSize);
        _systemMessages = new SystemMessageBuffer(provider.Settings.SystemMessageBufferSize);
    }

    /// <summary>True while system messages wait for an acknowledgement.</summary>
    public bool HasUnackedSystemMessages => _systemMessages.Count > 0;

    /// <summary>The node acknowledged every system message up to <paramref name="seq"/> (control reader).</summary>
    public void AckSystemMessages(long seq) => _systemMessages.Ack(seq);

    /// <summary>Asks the writer loop to resend unacknowledged system messages if acks stalled (resend timer).</summary>
    public void RequestResend()
    {
        Volatile.Write(ref _resendPending, 1);
        EnsureStarted();
        _queue.Wake();
    }

    /// <summary>The node's incarnation is gone: its pending system messages are moot (they go to dead letters) and numbering restarts.</summary>
    public void ResetSystemMessages(string reason)
    {
        foreach (var (_, envelope) in _systemMessages.Reset()) _provider.DropOutbound(envelope, reason);
    }

    /// <summary>The remote node's network address.</summary>
    public Address RemoteAddress { get; }

    /// <summary>The remote node's current incarnation uid, 0 until a handshake told it.</summary>
    public long RemoteUid => Volatile.Read(ref _remoteUid);

    /// <summary>True while accepted messages are queued or being written (for the shutdown flush).</summary>
    public bool HasUnwritten => _queue.Count > 0 || Volatile.Read(ref _writing) != 0;

    /// <summary>The writer loop, once started (for shutdown).</summary>
    public Task? Loop { get; private set; }

    /// <summary>Queues a message for the node; a full queue sends it to dead letters (logged, rate-limited).</summary>
    public void Send(in OutboundEnvelope envelope)
    {
        if (_provider.ShutdownToken.IsCancellationRequested)
        {
            _provider.DropOutbound(envelope, "remoting is shut down");
            return;
        }
        if (!_queue.TryEnqueue(envelope))
        {
            var dropped = Interlocked.Increment(ref _overflowCount);
            // One line for the first overflow and then one per 10,000, so a flood cannot flood the log as well.
            if (dropped == 1 || dropped % 10_000 == 0)
                _provider.Log.Warning("Send queue to {0} is full ({1} messages, actorproc.remote.send-queue-size); {2} message(s) dropped to dead letters so far", RemoteAddress, _provider.Settings.SendQueueSize, dropped);
            _provider.DropOutbound(envelope, "send queue full");
            return;
        }
        EnsureStarted();
    }

    /// <summary>Asks the writer loop to send a heartbeat ahead of queued messages.</summary>
    public void RequestHeartbeat()
    {
        Volatile.Write(ref _heartbeatPending, 1);
        EnsureStarted();
        _queue.Wake();
    }

    /// <summary>True when <paramref name="uid"/> is an incarnation of this node that was quarantined.</summary>
    public bool IsQuarantined(long uid) => uid != 0 && _quarantined.ContainsKey(uid);

    /// <summary>
    /// Records the uid a handshake reported; returns the previous one when it differs (a new incarnation: the
    /// caller terminates the old one's watches), else 0.
    /// </summary>
    public long RecordIncarnation(long uid)
    {
        var previous = Interlocked.Exchange(ref _remoteUid, uid);
        return previous != 0 && previous != uid ? previous : 0;
    }

    /// <summary>Quarantines an incarnation: it is never talked to again; with <paramref name="dropQueued"/> queued messages go to dead letters.</summary>
    public void Quarantine(long uid, string reason, bool dropQueued)
    {
        if (uid != 0 && _quarantined.TryAdd(uid, true))
            _provider.Log.Warning("Quarantined {0} incarnation {1}: {2}", RemoteAddress, uid, reason);
        if (dropQueued) DropQueued(reason);
        ResetSystemMessages(reason);
    }

    /// <summary>Sends every queued message to dead letters (the node is gone or quarantined).</summary>
    public void DropQueued(string reason)
    {
        // Draining concurrently with the writer loop would break the single-consumer rule, so only the loop drains;
        // it checks this flag before writing.
        Volatile.Write(ref _dropReason, reason);
        _queue.Wake();
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _started) != 0 || Interlocked.CompareExchange(ref _started, 1, 0) != 0) return;
        Loop = Task.Run(RunAsync);
    }
}
