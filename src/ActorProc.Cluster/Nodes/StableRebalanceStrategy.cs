using System.Collections.Immutable;
using Akka.Cluster.Sharding;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// Akka's shard allocation strategy, except that it rebalances only once the set of shard regions has
/// stayed the same for <c>StableFor</c>. New shards are allocated by the inner strategy at once, as
/// are a dead node's shards; what waits is moving live shards onto a node that just (re)joined. While
/// members come and go — a crash, its restart a few seconds later, the next crash — every rebalance
/// stops job entities and hands off running partitions once more, and that churn, not the failover
/// itself, made the slow recoveries of chaos runs (131 rebalances in 15 minutes with a kill every
/// 10 s). A node that joins and stays still gets its share, <c>StableFor</c> later.
/// <para>
/// Concurrency contract: the coordinator calls it from its own actor only, one call at a time; the
/// region set and its time are plain fields.
/// </para>
/// </summary>
internal sealed class StableRebalanceStrategy(IShardAllocationStrategy inner, TimeSpan stableFor) : IActorSystemDependentAllocationStrategy
{
    private ImmutableHashSet<IActorRef> _regions = [];
    private long _regionsChangedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    // Only this interface: the coordinator starts a strategy as the first of IStartableAllocationStrategy
    // and this one that it implements, and Akka's default strategy needs the system.
    public void Start(ActorSystem system)
    {
        if (inner is IActorSystemDependentAllocationStrategy dependent) dependent.Start(system);
        else if (inner is IStartableAllocationStrategy startable) startable.Start();
    }

    public Task<IActorRef> AllocateShard(IActorRef requester, string shardId, IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations) =>
        inner.AllocateShard(requester, shardId, currentShardAllocations);

    public Task<IImmutableSet<string>> Rebalance(IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations, IImmutableSet<string> rebalanceInProgress)
    {
        if (!_regions.SetEquals(currentShardAllocations.Keys))
        {
            _regions = [.. currentShardAllocations.Keys];
            _regionsChangedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        }
        return System.Diagnostics.Stopwatch.GetElapsedTime(_regionsChangedAt) < stableFor
            ? Task.FromResult<IImmutableSet<string>>(ImmutableHashSet<string>.Empty)
            : inner.Rebalance(currentShardAllocations, rebalanceInProgress);
    }
}
