namespace ActorProc.Core.Routing;

/// <summary>
/// A group that sends all messages with the same key to the same path; keys and the hash ring work as in
/// <see cref="ConsistentHashingPool"/> (see <see cref="Group"/> for how paths are resolved).
/// </summary>
public sealed record ConsistentHashingGroup : Group
{
    private readonly int _virtualNodesFactor = ConsistentHashingRoutingLogic.DefaultVirtualNodesFactor;

    /// <summary>A group over the actors at <paramref name="paths"/>.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    public ConsistentHashingGroup(params string[] paths) : base(paths) { }

    /// <summary>A group over the actors at <paramref name="paths"/>, optionally with a key mapping.</summary>
    /// <exception cref="ArgumentException">No path is given, or a path is not absolute.</exception>
    public ConsistentHashingGroup(IEnumerable<string> paths, Func<object, object?>? hashMapping = null) : base(paths) =>
        HashMapping = hashMapping;

    /// <summary>Maps a message to its key (null = no key from the mapping); runs on the sender's thread and must be thread-safe.</summary>
    public Func<object, object?>? HashMapping { get; init; }

    /// <summary>Virtual nodes per routee on the hash ring (default 10; at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int VirtualNodesFactor
    {
        get => _virtualNodesFactor;
        init => _virtualNodesFactor = RouterArguments.AtLeastOne(value, nameof(VirtualNodesFactor));
    }

    /// <summary>A copy with the given key mapping.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hashMapping"/> is null.</exception>
    public ConsistentHashingGroup WithHashMapping(Func<object, object?> hashMapping)
    {
        ArgumentNullException.ThrowIfNull(hashMapping);
        return this with { HashMapping = hashMapping };
    }

    /// <summary>A copy with <paramref name="factor"/> virtual nodes per routee.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is less than 1.</exception>
    public ConsistentHashingGroup WithVirtualNodesFactor(int factor) => this with { VirtualNodesFactor = factor };

    internal override RoutingLogic CreateLogic() => new ConsistentHashingRoutingLogic(HashMapping, VirtualNodesFactor);
}
