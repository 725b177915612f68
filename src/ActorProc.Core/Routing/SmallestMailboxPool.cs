namespace ActorProc.Core.Routing;

/// <summary>
/// A pool that sends each message to the least busy routee: an idle routee with an empty mailbox if there is
/// one, otherwise the one with the fewest queued messages (a routee that is processing counts one more; a
/// suspended routee, e.g. one awaiting an async handler or being restarted, is used only when nothing else is
/// left). Good for uneven task durations. The choice is made on the sender's thread from approximate counts,
/// so two senders racing may pick the same idle routee.
/// </summary>
public sealed record SmallestMailboxPool : Pool
{
    /// <summary>A pool of <paramref name="nrOfInstances"/> routees.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrOfInstances"/> is less than 1.</exception>
    public SmallestMailboxPool(int nrOfInstances) : base(nrOfInstances) { }

    internal override RoutingLogic CreateLogic() => new SmallestMailboxRoutingLogic();
}
