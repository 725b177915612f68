namespace ActorProc.Core.Routing;

/// <summary>
/// A pool that sends each message to all routees and passes the first reply back to the original sender
/// (later replies are discarded). When no reply arrives within <see cref="Within"/>, the sender receives a
/// <see cref="Status.Failure"/> with an <see cref="AskTimeoutException"/>, so an <c>Ask</c> faults with it.
/// </summary>
public sealed record ScatterGatherFirstCompletedPool : Pool
{
    /// <summary>A pool of <paramref name="nrOfInstances"/> routees that waits up to <paramref name="within"/> for the first reply.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrOfInstances"/> is less than 1, or <paramref name="within"/> is not a positive, finite duration.</exception>
    public ScatterGatherFirstCompletedPool(int nrOfInstances, TimeSpan within) : base(nrOfInstances) =>
        Within = RouterArguments.Positive(within, nameof(within));

    /// <summary>How long to wait for the first reply.</summary>
    public TimeSpan Within { get; }

    internal override RoutingLogic CreateLogic() => new ScatterGatherRoutingLogic(Within);
}
