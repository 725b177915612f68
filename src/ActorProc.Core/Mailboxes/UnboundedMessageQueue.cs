namespace ActorProc.Core.Mailboxes;

/// <summary>The default user-message queue: unbounded, lock-free, multi-producer single-consumer.</summary>
internal sealed class UnboundedMessageQueue : IMessageQueue
{
    private readonly MpscQueue<Envelope> _queue = new();

    public bool TryEnqueue(in Envelope envelope)
    {
        _queue.Enqueue(envelope);
        return true;
    }

    public ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        _queue.Enqueue(envelope);
        return ValueTask.CompletedTask;
    }

    public bool TryDequeue(out Envelope envelope) => _queue.TryDequeue(out envelope);
    public bool HasMessages => !_queue.IsEmpty;
    public int Count => _queue.Count;
}
