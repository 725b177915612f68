namespace ActorProc.Remote.Transport;

/// <summary>
/// The receiving half of reliable system-message delivery from one incarnation of one node: accepts sequence
/// number <c>last + 1</c> only, so each system message is delivered exactly once and in order; duplicates
/// (resends) and messages after a gap are skipped and repaired by the sender's resend.
/// <para>
/// Concurrency contract: kept by the provider per (node, incarnation) across connections; two connections from
/// the same peer may overlap briefly while one replaces the other, so <see cref="TryAccept"/> uses a lock.
/// </para>
/// </summary>
internal sealed class InboundSystemSequence
{
    private readonly object _gate = new();
    private long _last;

    /// <summary>The highest sequence number delivered so far (what acks report).</summary>
    public long Last
    {
        get
        {
            lock (_gate) return _last;
        }
    }

    /// <summary>True when <paramref name="seq"/> is the next one (the caller delivers it); false for a duplicate or a gap.</summary>
    public bool TryAccept(long seq)
    {
        lock (_gate)
        {
            if (seq != _last + 1) return false;
            _last = seq;
            return true;
        }
    }
}
