using ActorProc.Core.Actors;

namespace ActorProc.Remote.Transport;

/// <summary>
/// A message waiting in a node's send queue. It is serialized by the connection's writer loop, not by the
/// sender, so the sending actor never pays for serialization (messages must be immutable, as always).
/// </summary>
/// <param name="Kind">Message, SystemMessage, Selection or Deploy.</param>
/// <param name="Recipient">The remote recipient (the node's root for a selection).</param>
/// <param name="Message">The message (for a selection, a <see cref="SelectionPayload"/>).</param>
/// <param name="Sender">The sender, or null.</param>
internal readonly record struct OutboundEnvelope(FrameType Kind, IActorRef Recipient, object Message, IActorRef? Sender);

/// <summary>A message for the actors matching <paramref name="Elements"/> on the receiving node.</summary>
internal sealed record SelectionPayload(IReadOnlyList<string> Elements, object Message);
