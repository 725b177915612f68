namespace ActorProc.Core.Routing;

/// <summary>
/// Describes a router that fronts an actor: a pool (creates and supervises its routees from the
/// actor's props) or a group (routes to existing actors by path). Attach one with
/// <see cref="Props.WithRouter"/> or in a HOCON <c>actorproc.actor.deployment</c> block.
/// </summary>
public abstract class RouterConfig
{
    /// <summary>Creates the router actor for <paramref name="routeeProps"/>; called by the runtime when the actor is spawned.</summary>
    internal abstract IActorRef CreateRouter(ActorCell parent, Props routeeProps, string name);
}
