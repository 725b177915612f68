namespace ActorProc.Core.Routing;

/// <summary>
/// Next routee in turn. Concurrency contract: the only state is <see cref="_next"/>, advanced with one
/// Interlocked increment per message, so concurrent senders never get the same ticket and the shares stay
/// exactly even (per routee set).
/// </summary>
internal sealed class RoundRobinRoutingLogic : RoutingLogic
{
    /// <summary>Ticket counter; starts at -1 so the first message goes to the first routee.</summary>
    private long _next = -1;

    public override void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router)
    {
        var members = routees.Members;
        if (members.Length == 0)
        {
            router.NoRoutee(message, sender);
            return;
        }
        // Unsigned arithmetic keeps the index valid after the counter wraps around.
        var index = (ulong)Interlocked.Increment(ref _next) % (ulong)members.Length;
        members[index].Tell(Payload(message), sender);
    }
}
