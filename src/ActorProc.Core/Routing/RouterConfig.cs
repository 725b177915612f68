namespace ActorProc.Core.Routing;

/// <summary>
/// Describes a router that fronts an actor: a <see cref="Pool"/> (creates and supervises its routees from the
/// actor's props) or a <see cref="Group"/> (routes to existing actors by path). Attach one with
/// <see cref="Props.WithRouter"/> or in a HOCON <c>actorproc.actor.deployment</c> block; a deployment block for
/// the actor's path overrides the router given in code.
/// <para>
/// The ref returned by <c>ActorOf</c> routes ordinary messages on the sender's thread straight to a routee
/// (no hop through the router actor), and so is a <see cref="Broadcast"/> to every routee; management messages
/// (<see cref="GetRoutees"/>, <see cref="AddRoutee"/>, <see cref="RemoveRoutee"/>, <see cref="AdjustPoolSize"/>), <see cref="PoisonPill"/>,
/// <see cref="Kill"/>, <see cref="Identify"/> and system messages go to the router actor. Router configs are
/// immutable values: the <c>With…</c> methods return modified copies.
/// </para>
/// </summary>
public abstract record RouterConfig
{
    private protected RouterConfig() { }

    /// <summary>
    /// The dispatcher id of the router actor itself (which handles management messages, supervision and death
    /// watch); null = the system's default dispatcher. The routees' dispatcher comes from their props (or
    /// <see cref="Pool.RouteeDispatcher"/>).
    /// </summary>
    public string? RouterDispatcher { get; init; }

    /// <summary>A copy whose router actor runs on the dispatcher with id <paramref name="dispatcherId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="dispatcherId"/> is empty.</exception>
    public RouterConfig WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return this with { RouterDispatcher = dispatcherId };
    }

    /// <summary>Creates the routing logic of one router instance (each router gets its own, e.g. its own counter).</summary>
    internal abstract RoutingLogic CreateLogic();

    /// <summary>
    /// Builds the router actor and its ref for <paramref name="routeeProps"/> without starting it; called by
    /// <c>ActorCell.CreateChild</c> after the name is reserved. The caller fills the reservation and then calls
    /// <see cref="RoutedActorRef.Start"/>, which creates the routees.
    /// </summary>
    /// <exception cref="ActorConfigurationException">A dispatcher or mailbox id is unknown.</exception>
    internal RoutedActorRef CreateRouter(ActorCell parent, Props routeeProps, string name) =>
        RouterFactory.Create(parent, this, routeeProps, name);
}
