namespace ActorProc.Core.Routing;

/// <summary>A group that sends each message to a path picked at random (see <see cref="Group"/> for how paths are resolved).</summary>
public sealed record RandomGroup : Group
{
    /// <summary>A group over the actors at <paramref name="paths"/>.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    public RandomGroup(params string[] paths) : base(paths) { }

    /// <summary>A group over the actors at <paramref name="paths"/>.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    public RandomGroup(IEnumerable<string> paths) : base(paths) { }

    internal override RoutingLogic CreateLogic() => new RandomRoutingLogic();
}
