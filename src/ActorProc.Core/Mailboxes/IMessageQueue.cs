namespace ActorProc.Core.Mailboxes;

/// <summary>
/// The user-message queue inside a mailbox. Concurrency contract: <see cref="TryEnqueue"/> and
/// <see cref="EnqueueAsync"/> are called by any number of threads at once; <see cref="TryDequeue"/>,
/// <see cref="HasMessages"/> is read by anyone but dequeue is only ever called by one thread at a time
/// (the mailbox's current runner), so implementations may be single-consumer.
/// </summary>
internal interface IMessageQueue
{
    /// <summary>Adds a message; returns false when a bounded queue is full (the caller dead-letters it).</summary>
    bool TryEnqueue(in Envelope envelope);

    /// <summary>Adds a message, waiting for space if the queue applies backpressure.</summary>
    ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken);

    /// <summary>Takes the next message (single consumer).</summary>
    bool TryDequeue(out Envelope envelope);

    /// <summary>True when a message may be waiting (a racy hint, exact once producers are quiet).</summary>
    bool HasMessages { get; }

    /// <summary>Approximate number of waiting messages (used by smallest-mailbox routing and the resizer).</summary>
    int Count { get; }
}
