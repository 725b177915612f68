namespace ActorProc.Core.Events;

/// <summary>Common shape of messages that reached nobody: dead letters and unhandled messages.</summary>
public interface IAllDeadLetters
{
    /// <summary>The message.</summary>
    object Message { get; }

    /// <summary>Who sent it.</summary>
    IActorRef Sender { get; }

    /// <summary>Whom it was meant for.</summary>
    IActorRef Recipient { get; }
}

/// <summary>
/// A message that could not be delivered (the recipient was stopped, its mailbox was full, or it was
/// sent to the dead-letter office). Published on the event stream and logged, rate-limited.
/// </summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient) : IAllDeadLetters
{
    /// <summary>Why it was not delivered, when known (e.g. "mailbox full").</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"DeadLetter({Message.GetType().Name} from {Sender} to {Recipient}{(Reason is null ? "" : ": " + Reason)})";
}

/// <summary>A message the recipient did not handle. Published on the event stream and logged like dead letters.</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient) : IAllDeadLetters;
