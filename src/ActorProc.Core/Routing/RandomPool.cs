namespace ActorProc.Core.Routing;

/// <summary>A pool that sends each message to a routee picked at random (uniformly), on the sender's thread.</summary>
public sealed record RandomPool : Pool
{
    /// <summary>A pool of <paramref name="nrOfInstances"/> routees.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrOfInstances"/> is less than 1.</exception>
    public RandomPool(int nrOfInstances) : base(nrOfInstances) { }

    internal override RoutingLogic CreateLogic() => new RandomRoutingLogic();
}
