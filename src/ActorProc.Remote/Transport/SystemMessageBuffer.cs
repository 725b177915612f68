using System.Diagnostics;

namespace ActorProc.Remote.Transport;

/// <summary>
/// The sending half of reliable system-message delivery to one node: every system message (watch, death
/// notification, supervision) gets the next sequence number and stays here until the node acknowledges it
/// (cumulative acks), and is sent again after a reconnect or when acks stall. The receiving half
/// (<see cref="InboundSystemSequence"/>) delivers each number once and in order. User messages stay at-most-once.
/// <para>
/// Concurrency contract: the writer loop adds and re-reads entries; the connection's control reader acks; the
/// resend timer reads the age. All members take <see cref="_gate"/> (short, no callbacks under it).
/// </para>
/// </summary>
internal sealed class SystemMessageBuffer(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<(long Seq, OutboundEnvelope Envelope)> _unacked = new();
    private long _nextSeq;
    private long _lastSentTimestamp;

    /// <summary>Unacknowledged messages.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _unacked.Count;
        }
    }

    /// <summary>Assigns the next sequence number and keeps the message; false when the buffer is full (the node is not acking).</summary>
    public bool TryAdd(in OutboundEnvelope envelope, out long seq)
    {
        lock (_gate)
        {
            seq = 0;
            if (_unacked.Count >= capacity) return false;
            seq = ++_nextSeq;
            _unacked.Enqueue((seq, envelope));
            _lastSentTimestamp = Stopwatch.GetTimestamp();
            return true;
        }
    }

    /// <summary>Takes back the message just added (it could not be encoded), so the numbering stays gap-free; writer loop only.</summary>
    public void Retract(long seq)
    {
        lock (_gate)
        {
            if (seq != _nextSeq || _unacked.Count == 0) return;
            // Queue has no "remove last": rebuild without it (rare: only a system message that cannot be serialized).
            var kept = _unacked.Where(e => e.Seq != seq).ToArray();
            _unacked.Clear();
            foreach (var entry in kept) _unacked.Enqueue(entry);
            _nextSeq--;
        }
    }

    /// <summary>Forgets every message up to and including <paramref name="seq"/> (a cumulative ack).</summary>
    public void Ack(long seq)
    {
        lock (_gate)
        {
            while (_unacked.TryPeek(out var head) && head.Seq <= seq) _unacked.Dequeue();
        }
    }

    /// <summary>The unacknowledged messages in order, to send again; marks them as just sent.</summary>
    public (long Seq, OutboundEnvelope Envelope)[] TakeSnapshotForResend()
    {
        lock (_gate)
        {
            _lastSentTimestamp = Stopwatch.GetTimestamp();
            return _unacked.ToArray();
        }
    }

    /// <summary>True when messages are unacknowledged and nothing was (re)sent for at least <paramref name="interval"/>.</summary>
    public bool IsStalled(TimeSpan interval)
    {
        lock (_gate) return _unacked.Count > 0 && Stopwatch.GetElapsedTime(_lastSentTimestamp) >= interval;
    }

    /// <summary>The node's incarnation changed or was quarantined: what was pending is moot, numbering restarts.</summary>
    public (long Seq, OutboundEnvelope Envelope)[] Reset()
    {
        lock (_gate)
        {
            var dropped = _unacked.ToArray();
            _unacked.Clear();
            _nextSeq = 0;
            return dropped;
        }
    }
}
