namespace ActorProc.Core.Actors;

/// <summary>Convenience operations on <see cref="IActorRef"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends a message with the current actor as sender when called from inside an actor, and with
    /// no sender otherwise.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Self);

    /// <summary>
    /// Sends a message keeping the original sender of the message being processed, so the receiver
    /// replies straight to it. Must be called from inside an actor.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside an actor's message handler.</exception>
    public static void Forward(this IActorRef receiver, object message)
    {
        var cell = ActorCell.Current ?? throw new InvalidOperationException("Forward can only be used inside an actor while it processes a message.");
        receiver.Tell(message, cell.Sender);
    }

    /// <summary>
    /// Sends a message that the receiver may hold back while its bounded mailbox (with
    /// <c>overflow-strategy = backpressure</c>) is full: the returned task completes once the message
    /// is enqueued. For any other target it behaves like <see cref="IActorRef.Tell"/>.
    /// </summary>
    public static ValueTask TellAsync(this IActorRef receiver, object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        if (receiver is LocalActorRef local) return local.Cell.Mailbox.PostAsync(new Envelope(message, sender), cancellationToken);
        receiver.Tell(message, sender);
        return ValueTask.CompletedTask;
    }

    /// <summary>True when the ref points at an actor that is known to be stopped.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or Nobody;
}
