namespace ActorProc.Core.Mailboxes;

/// <summary>
/// Delivers messages by priority (lower number first), first-in-first-out among equal priorities.
/// Concurrency contract: a lock guards the heap; producers and the consumer hold it only to push or
/// pop one entry, and the user's priority function runs outside it.
/// </summary>
internal sealed class PriorityMessageQueue(Func<object, int> priorityOf) : IMessageQueue
{
    private readonly PriorityQueue<Envelope, (int Priority, long Sequence)> _heap = new();
    private long _sequence;
    private int _count;

    public bool TryEnqueue(in Envelope envelope)
    {
        var priority = priorityOf(envelope.Message);
        lock (_heap)
        {
            _heap.Enqueue(envelope, (priority, _sequence++));
            _count = _heap.Count;
        }
        return true;
    }

    public ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        TryEnqueue(envelope);
        return ValueTask.CompletedTask;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_heap)
        {
            var found = _heap.TryDequeue(out envelope, out _);
            _count = _heap.Count;
            return found;
        }
    }

    public bool HasMessages => Volatile.Read(ref _count) > 0;
    public int Count => Volatile.Read(ref _count);
}
