namespace ActorProc.Core.Routing;

/// <summary>A pool that sends every message to all of its routees.</summary>
public sealed record BroadcastPool : Pool
{
    /// <summary>A pool of <paramref name="nrOfInstances"/> routees.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrOfInstances"/> is less than 1.</exception>
    public BroadcastPool(int nrOfInstances) : base(nrOfInstances) { }

    internal override RoutingLogic CreateLogic() => new BroadcastRoutingLogic();
}
