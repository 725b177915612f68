namespace ActorProc.Core.Mailboxes;

/// <summary>
/// A user-message queue holding at most <c>capacity</c> messages.
/// <para>
/// Concurrency contract: producers reserve room by incrementing <see cref="_count"/> (and give it back
/// when over capacity), so the bound holds without a lock; the single consumer releases room on
/// dequeue and then wakes one waiting async sender. Synchronous <see cref="TryEnqueue"/> never blocks:
/// when full it returns false and the mailbox sends the message to dead letters (a sync sender may be
/// a dispatcher thread, and blocking it could deadlock the system). Async senders
/// (<see cref="EnqueueAsync"/>) wait for room when the overflow strategy is backpressure.
/// </para>
/// </summary>
internal sealed class BoundedMessageQueue : IMessageQueue
{
    private readonly MpscQueue<Envelope> _queue = new();
    private readonly int _capacity;
    private readonly bool _backpressure;

    /// <summary>Messages enqueued or reserved; may transiently exceed capacity by the number of racing producers.</summary>
    private int _count;

    /// <summary>Async senders waiting for room, woken one per dequeued message.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<TaskCompletionSource> _waiters = new();

    public BoundedMessageQueue(int capacity, bool backpressure)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A bounded mailbox needs a capacity of at least 1.");
        _capacity = capacity;
        _backpressure = backpressure;
    }

    /// <summary>True when async senders wait for room instead of losing the message.</summary>
    public bool Backpressure => _backpressure;

    public bool TryEnqueue(in Envelope envelope)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }
        _queue.Enqueue(envelope);
        return true;
    }

    public async ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        while (!TryEnqueue(envelope))
        {
            if (!_backpressure) throw new MailboxFullException($"mailbox is full (capacity {_capacity}) and its overflow strategy is drop-new");
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            // Lost-wakeup re-check: the consumer may have freed room between our failed attempt and
            // the registration above, and it only wakes waiters that were registered when it dequeued.
            // The abandoned waiter is cancelled so that a later wake-up skips it instead of being lost on it.
            if (Volatile.Read(ref _count) < _capacity)
            {
                if (!waiter.TrySetCanceled()) WakeOne();
                continue;
            }
            try
            {
                await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Give up our place; if we were woken meanwhile, pass the wake-up on to the next waiter.
                if (!waiter.TrySetCanceled()) WakeOne();
                throw;
            }
        }
    }

    /// <summary>Wakes the first waiter that is still waiting (cancelled ones are skipped, so no wake-up is lost on them).</summary>
    private void WakeOne()
    {
        while (_waiters.TryDequeue(out var waiter))
            if (waiter.TrySetResult()) return;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (!_queue.TryDequeue(out envelope)) return false;
        Interlocked.Decrement(ref _count);
        WakeOne();
        return true;
    }

    public bool HasMessages => !_queue.IsEmpty;
    public int Count => _queue.Count;
}

/// <summary>A message could not be enqueued because the receiver's bounded mailbox is full.</summary>
public sealed class MailboxFullException(string message) : Exception(message);
