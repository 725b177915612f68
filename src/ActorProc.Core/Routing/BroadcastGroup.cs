namespace ActorProc.Core.Routing;

/// <summary>A group that sends every message to all of its paths (see <see cref="Group"/> for how paths are resolved).</summary>
public sealed record BroadcastGroup : Group
{
    /// <summary>A group over the actors at <paramref name="paths"/>.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    public BroadcastGroup(params string[] paths) : base(paths) { }

    /// <summary>A group over the actors at <paramref name="paths"/>.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    public BroadcastGroup(IEnumerable<string> paths) : base(paths) { }

    internal override RoutingLogic CreateLogic() => new BroadcastRoutingLogic();
}
