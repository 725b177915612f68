namespace ActorProc.Core.Mailboxes;

/// <summary>
/// The default user-message queue: unbounded, lock-free, multi-producer single-consumer. It derives
/// from the queue instead of wrapping it to save an object per actor.
/// </summary>
internal sealed class UnboundedMessageQueue : MpscQueue<Envelope>, IMessageQueue
{
    public bool TryEnqueue(in Envelope envelope)
    {
        Enqueue(envelope);
        return true;
    }

    public ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        Enqueue(envelope);
        return ValueTask.CompletedTask;
    }

    public bool HasMessages => !IsEmpty;
}
