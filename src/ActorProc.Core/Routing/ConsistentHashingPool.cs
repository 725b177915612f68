namespace ActorProc.Core.Routing;

/// <summary>
/// A pool that sends all messages with the same key to the same routee, using a hash ring with
/// <see cref="VirtualNodesFactor"/> virtual nodes per routee (so adding a routee moves only about 1/N of the
/// keys). The key comes from, in this order: a <see cref="ConsistentHashableEnvelope"/>, the
/// <see cref="HashMapping"/> (when it returns non-null), or the message's <see cref="IConsistentHashable"/>.
/// A message without a key is logged and becomes a dead letter. The choice is made on the sender's thread.
/// </summary>
public sealed record ConsistentHashingPool : Pool
{
    private readonly int _virtualNodesFactor = ConsistentHashingRoutingLogic.DefaultVirtualNodesFactor;

    /// <summary>A pool of <paramref name="nrOfInstances"/> routees, optionally with a key mapping.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nrOfInstances"/> is less than 1.</exception>
    public ConsistentHashingPool(int nrOfInstances, Func<object, object?>? hashMapping = null) : base(nrOfInstances) =>
        HashMapping = hashMapping;

    /// <summary>Maps a message to its key (null = no key from the mapping); runs on the sender's thread and must be thread-safe.</summary>
    public Func<object, object?>? HashMapping { get; init; }

    /// <summary>Virtual nodes per routee on the hash ring (default 10; at least 1). More nodes spread keys more evenly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int VirtualNodesFactor
    {
        get => _virtualNodesFactor;
        init => _virtualNodesFactor = RouterArguments.AtLeastOne(value, nameof(VirtualNodesFactor));
    }

    /// <summary>A copy with the given key mapping.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hashMapping"/> is null.</exception>
    public ConsistentHashingPool WithHashMapping(Func<object, object?> hashMapping)
    {
        ArgumentNullException.ThrowIfNull(hashMapping);
        return this with { HashMapping = hashMapping };
    }

    /// <summary>A copy with <paramref name="factor"/> virtual nodes per routee.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is less than 1.</exception>
    public ConsistentHashingPool WithVirtualNodesFactor(int factor) => this with { VirtualNodesFactor = factor };

    internal override RoutingLogic CreateLogic() => new ConsistentHashingRoutingLogic(HashMapping, VirtualNodesFactor);
}
