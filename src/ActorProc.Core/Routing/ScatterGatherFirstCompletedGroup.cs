namespace ActorProc.Core.Routing;

/// <summary>
/// A group that sends each message to all paths and passes the first reply back to the original sender; see
/// <see cref="ScatterGatherFirstCompletedPool"/> for the timeout behaviour and <see cref="Group"/> for paths.
/// </summary>
public sealed record ScatterGatherFirstCompletedGroup : Group
{
    /// <summary>A group over <paramref name="paths"/> that waits up to <paramref name="within"/> for the first reply.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not a positive, finite duration.</exception>
    public ScatterGatherFirstCompletedGroup(TimeSpan within, params string[] paths) : base(paths) =>
        Within = RouterArguments.Positive(within, nameof(within));

    /// <summary>A group over <paramref name="paths"/> that waits up to <paramref name="within"/> for the first reply.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not a positive, finite duration.</exception>
    public ScatterGatherFirstCompletedGroup(IEnumerable<string> paths, TimeSpan within) : base(paths) =>
        Within = RouterArguments.Positive(within, nameof(within));

    /// <summary>How long to wait for the first reply.</summary>
    public TimeSpan Within { get; }

    internal override RoutingLogic CreateLogic() => new ScatterGatherRoutingLogic(Within);
}
