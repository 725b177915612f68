namespace ActorProc.Core.Routing;

/// <summary>
/// Messages the router actor handles itself instead of routing them. They always travel through the
/// router's mailbox, so they are processed one at a time and in order with other management messages.
/// </summary>
internal interface IRouterControlMessage;

/// <summary>Wrappers whose inner message is what the routees receive.</summary>
internal interface IRouterEnvelope
{
    /// <summary>The message delivered to the routee(s).</summary>
    object Message { get; }
}

/// <summary>
/// Sends <paramref name="Message"/> to every routee of any router (pool or group), with the original
/// sender. Routees receive the inner message, not the wrapper. Like routed messages it is sent on the sender's
/// thread, so it stays in order with the sender's other messages to the router. <c>Broadcast(PoisonPill.Instance)</c>
/// stops all routees of a pool (after the messages queued before it), after which the pool stops itself.
/// </summary>
/// <param name="Message">The message every routee receives; must not be null.</param>
public sealed record Broadcast(object Message) : IRouterControlMessage, IRouterEnvelope
{
    /// <summary>The message every routee receives.</summary>
    public object Message { get; } = Message ?? throw new ArgumentNullException(nameof(Message));
}

/// <summary>Asks a router for its current routees; it replies with <see cref="Routees"/>.</summary>
public sealed record GetRoutees : IRouterControlMessage
{
    /// <summary>A shared instance (the message carries no data).</summary>
    public static GetRoutees Instance { get; } = new();
}

/// <summary>The reply to <see cref="GetRoutees"/>: a snapshot of the routees at the time of the request.</summary>
/// <param name="Members">The routees; for a group, the actors the configured paths resolved to (or the path itself while nothing lives there).</param>
public sealed record Routees(IReadOnlyList<IActorRef> Members);

/// <summary>
/// Adds <paramref name="Routee"/> to a router (pool or group). The router watches it and drops it when it
/// terminates. Adding a routee that is already a member has no effect.
/// </summary>
/// <param name="Routee">The actor to route to; must not be null.</param>
public sealed record AddRoutee(IActorRef Routee) : IRouterControlMessage
{
    /// <summary>The actor to route to.</summary>
    public IActorRef Routee { get; } = Routee ?? throw new ArgumentNullException(nameof(Routee));
}

/// <summary>
/// Removes <paramref name="Routee"/> from a router. A pool stops a removed child by sending it a
/// <see cref="PoisonPill"/> (messages already in its mailbox are still processed; a message routed to it
/// by another thread at the very same moment can still reach it after the pill and become a dead letter).
/// A pool whose last routee is removed stops itself unless it has a resizer.
/// </summary>
/// <param name="Routee">The routee to remove; must not be null.</param>
public sealed record RemoveRoutee(IActorRef Routee) : IRouterControlMessage
{
    /// <summary>The routee to remove.</summary>
    public IActorRef Routee { get; } = Routee ?? throw new ArgumentNullException(nameof(Routee));
}

/// <summary>
/// Grows (positive <paramref name="Change"/>) or shrinks (negative) a pool by that many routees. New routees
/// are created from the pool's routee props; removed ones are the most recently added and are stopped with a
/// <see cref="PoisonPill"/>. Ignored by groups.
/// </summary>
/// <param name="Change">The number of routees to add (positive) or remove (negative).</param>
public sealed record AdjustPoolSize(int Change) : IRouterControlMessage;

/// <summary>
/// A message that carries its own consistent-hashing key. A consistent-hashing router sends every message
/// with the same key to the same routee (as long as the routees do not change).
/// </summary>
public interface IConsistentHashable
{
    /// <summary>
    /// The key; hashed from its invariant string form (strings, numbers, Guids, enums) or its bytes (a
    /// <c>byte[]</c>), so the same key maps to the same routee in every process.
    /// </summary>
    object ConsistentHashKey { get; }
}

/// <summary>
/// Wraps a message with the key a consistent-hashing router uses to pick its routee; the routee receives
/// <paramref name="Message"/> without the envelope. Other routers unwrap it too and route as usual.
/// </summary>
/// <param name="Message">The message the routee receives; must not be null.</param>
/// <param name="HashKey">The key; must not be null.</param>
public sealed record ConsistentHashableEnvelope(object Message, object HashKey) : IConsistentHashable, IRouterEnvelope
{
    /// <summary>The message the routee receives.</summary>
    public object Message { get; } = Message ?? throw new ArgumentNullException(nameof(Message));

    /// <summary>The key used to pick the routee.</summary>
    public object HashKey { get; } = HashKey ?? throw new ArgumentNullException(nameof(HashKey));

    /// <inheritdoc />
    object IConsistentHashable.ConsistentHashKey => HashKey;
}

/// <summary>Sent by the routing path to the router actor when the resizer is due (internal).</summary>
internal sealed class ResizeRequest : IRouterControlMessage
{
    public static readonly ResizeRequest Instance = new();
    private ResizeRequest() { }
}

/// <summary>Sent once after start: the router actor watches the routees created before it ran (internal).</summary>
internal sealed class WatchInitialRoutees : IRouterControlMessage
{
    public static readonly WatchInitialRoutees Instance = new();
    private WatchInitialRoutees() { }
}
