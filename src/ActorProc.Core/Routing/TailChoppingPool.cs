namespace ActorProc.Core.Routing;

/// <summary>
/// A pool that sends each message to one routee picked at random and, while no reply has arrived, to another
/// one every <see cref="Interval"/> (each routee at most once). The first reply goes to the original sender;
/// later ones are discarded. When no reply arrives within <see cref="Within"/>, the sender receives a
/// <see cref="Status.Failure"/> with an <see cref="AskTimeoutException"/>. Cuts tail latency at the cost of
/// duplicate work, so the work should be idempotent.
/// </summary>
public sealed record TailChoppingPool : Pool
{
    /// <summary>A pool of <paramref name="nrOfInstances"/> routees.</summary>
    /// <param name="nrOfInstances">Number of routees (at least 1).</param>
    /// <param name="within">Overall deadline for a reply.</param>
    /// <param name="interval">Delay before trying the next routee.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1, or a duration that is not positive and finite.</exception>
    public TailChoppingPool(int nrOfInstances, TimeSpan within, TimeSpan interval) : base(nrOfInstances)
    {
        Within = RouterArguments.Positive(within, nameof(within));
        Interval = RouterArguments.Positive(interval, nameof(interval));
    }

    /// <summary>Overall deadline for a reply.</summary>
    public TimeSpan Within { get; }

    /// <summary>Delay before the message is sent to the next routee.</summary>
    public TimeSpan Interval { get; }

    internal override RoutingLogic CreateLogic() => new TailChoppingRoutingLogic(Within, Interval);
}
