using ActorProc.Core.Mailboxes;

namespace ActorProc.Remote.Transport;

/// <summary>
/// The bounded send queue of one remote node: many producers (any thread sending to the node), one consumer
/// (the connection's writer loop), which parks asynchronously when the queue is empty.
/// <para>
/// Concurrency contract: <see cref="TryEnqueue"/> from any thread; <see cref="TryDequeue"/> and
/// <see cref="WaitAsync"/> from the single writer loop only. <see cref="_count"/> bounds memory: a producer
/// reserves a place before enqueueing and gives it back when the queue is full, so at most
/// <c>capacity</c> items are ever held. <see cref="_parked"/> is 1 while the consumer is parked or about to park;
/// the producer that swaps it to 0 owes exactly one release of <see cref="_wakeUp"/>.
/// </para>
/// </summary>
internal sealed class OutboundQueue(int capacity)
{
    private readonly MpscQueue<OutboundEnvelope> _queue = new();
    private readonly SemaphoreSlim _wakeUp = new(0, int.MaxValue);
    private int _count;
    private int _parked;

    /// <summary>Items held now (approximate while producers are active).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues an envelope; false when the queue is full (the caller sends it to dead letters).</summary>
    public bool TryEnqueue(in OutboundEnvelope envelope)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }
        _queue.Enqueue(envelope);
        if (Volatile.Read(ref _parked) == 1 && Interlocked.Exchange(ref _parked, 0) == 1) _wakeUp.Release();
        return true;
    }

    /// <summary>Wakes the parked consumer without queuing anything (a heartbeat or a drop request is pending).</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _parked, 0) == 1) _wakeUp.Release();
    }

    /// <summary>Takes the next envelope (writer loop only).</summary>
    public bool TryDequeue(out OutboundEnvelope envelope)
    {
        if (!_queue.TryDequeue(out envelope)) return false;
        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>Completes when an envelope may be available (writer loop only, after <see cref="TryDequeue"/> returned false).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        // Exchange is a full fence: either the producer's enqueue is visible to the re-check below, or the
        // producer sees _parked == 1 after its enqueue and releases the semaphore (no lost wake-up).
        Interlocked.Exchange(ref _parked, 1);
        if (!_queue.IsEmpty || Volatile.Read(ref _count) > 0)
        {
            // Items are there (or being published): un-park ourselves, unless a producer already did, in which
            // case its release is pending and must be consumed so the semaphore stays at zero.
            if (Interlocked.Exchange(ref _parked, 0) == 1) return Task.CompletedTask;
        }
        return _wakeUp.WaitAsync(cancellationToken);
    }
}
