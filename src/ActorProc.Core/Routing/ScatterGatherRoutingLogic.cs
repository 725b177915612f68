namespace ActorProc.Core.Routing;

/// <summary>
/// Every routee gets the message; the first reply wins (see <see cref="FirstReplyCollector"/>).
/// Concurrency contract: stateless; each message gets its own collector.
/// </summary>
internal sealed class ScatterGatherRoutingLogic(TimeSpan within) : RoutingLogic
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
        var collector = new FirstReplyCollector(router.System, sender, router.Self, within, payload.GetType().Name);
        collector.StartDeadline();
        foreach (var routee in members) routee.Tell(payload, collector);
    }
}
