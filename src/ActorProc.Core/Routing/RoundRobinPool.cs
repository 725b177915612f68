namespace ActorProc.Core.Routing;

/// <summary>
/// A pool that sends each message to the next routee in turn, so every routee gets the same share.
/// The choice is made on the sender's thread with one atomic increment; messages never queue at the router.
/// </summary>
public sealed record RoundRobinPool : Pool
{
    /// <summary>A pool of <paramref name="nrOfInstances"/> routees.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrOfInstances"/> is less than 1.</exception>
    public RoundRobinPool(int nrOfInstances) : base(nrOfInstances) { }

    internal override RoutingLogic CreateLogic() => new RoundRobinRoutingLogic();
}
