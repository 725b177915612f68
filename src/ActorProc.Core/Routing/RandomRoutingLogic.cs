namespace ActorProc.Core.Routing;

/// <summary>A uniformly random routee. Concurrency contract: stateless; <see cref="Random.Shared"/> is thread-safe.</summary>
internal sealed class RandomRoutingLogic : RoutingLogic
{
    public override void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router)
    {
        var members = routees.Members;
        if (members.Length == 0)
        {
            router.NoRoutee(message, sender);
            return;
        }
        members[Random.Shared.Next(members.Length)].Tell(Payload(message), sender);
    }
}
