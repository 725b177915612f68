namespace ActorProc.Core.Routing;

/// <summary>Every routee. Concurrency contract: stateless.</summary>
internal sealed class BroadcastRoutingLogic : RoutingLogic
{
    public override void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router)
    {
        var members = routees.Members;
        if (members.Length == 0)
        {
            router.NoRoutee(message, sender);
            return;
        }
        var payload = Payload(message);
        foreach (var routee in members) routee.Tell(payload, sender);
    }
}
