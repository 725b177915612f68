namespace ActorProc.Core.Mailboxes;

/// <summary>A user message and its sender as stored in a mailbox (a struct: no allocation per message).</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or null for none.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
