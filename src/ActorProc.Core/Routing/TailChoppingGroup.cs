namespace ActorProc.Core.Routing;

/// <summary>
/// A group that tries one path after another every <see cref="Interval"/> until one replies; see
/// <see cref="TailChoppingPool"/> for the behaviour and <see cref="Group"/> for paths.
/// </summary>
public sealed record TailChoppingGroup : Group
{
    /// <summary>A group over <paramref name="paths"/>.</summary>
    /// <param name="paths">Absolute routee paths (at least one).</param>
    /// <param name="within">Overall deadline for a reply.</param>
    /// <param name="interval">Delay before trying the next routee.</param>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is not positive and finite.</exception>
    public TailChoppingGroup(IEnumerable<string> paths, TimeSpan within, TimeSpan interval) : base(paths)
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
