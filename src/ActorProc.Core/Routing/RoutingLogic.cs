namespace ActorProc.Core.Routing;

/// <summary>
/// How one router instance picks routees for a message and sends it to them.
/// <para>
/// Concurrency contract: <see cref="Send"/> is called concurrently by any number of sender threads (the
/// router ref routes on the sender's thread) and by the router actor (for messages that reached its mailbox).
/// Implementations keep only thread-safe state (Interlocked counters), never block and never throw for an
/// ordinary message. <see cref="CreateState"/> runs on the router actor's thread (or on the creating thread
/// before the router starts) whenever the routee set changes; its result is immutable.
/// </para>
/// </summary>
internal abstract class RoutingLogic
{
    /// <summary>Precomputed, immutable data for a routee set (e.g. a hash ring); null when the logic needs none.</summary>
    public virtual object? CreateState(IActorRef[] routees) => null;

    /// <summary>Sends <paramref name="message"/> to the routee(s) chosen from <paramref name="routees"/>, keeping <paramref name="sender"/>.</summary>
    public abstract void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router);

    /// <summary>What the routee receives: the inner message of a router envelope, otherwise the message itself.</summary>
    protected static object Payload(object message) => message is IRouterEnvelope envelope ? envelope.Message : message;
}

/// <summary>An immutable routee set with the logic's precomputed state for it; swapped as a whole.</summary>
internal sealed class RouteeSnapshot(IActorRef[] members, object? logicState)
{
    /// <summary>No routees.</summary>
    public static readonly RouteeSnapshot Empty = new([], null);

    /// <summary>The routees; never mutated after construction.</summary>
    public IActorRef[] Members { get; } = members;

    /// <summary>The routing logic's state for <see cref="Members"/> (see <see cref="RoutingLogic.CreateState"/>).</summary>
    public object? LogicState { get; } = logicState;
}
