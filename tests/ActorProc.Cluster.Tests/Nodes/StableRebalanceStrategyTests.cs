using System.Collections.Immutable;
using Akka.Cluster.Sharding;

namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>Rebalancing waits for a stable set of shard regions; allocation never waits.</summary>
public sealed class StableRebalanceStrategyTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("stable-rebalance");
    private readonly RecordingStrategy _inner = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public async Task A_changed_region_set_holds_rebalancing_back_for_the_stable_time_but_not_allocation()
    {
        var strategy = new StableRebalanceStrategy(_inner, TimeSpan.FromHours(1));
        var two = Allocations(_system.DeadLetters, ActorRefs.Nobody);

        var allocated = await strategy.AllocateShard(ActorRefs.Nobody, "7", two);
        var rebalanced = await strategy.Rebalance(two, ImmutableHashSet<string>.Empty);

        Assert.Same(ActorRefs.Nobody, allocated);
        Assert.Empty(rebalanced);
        Assert.Equal(0, _inner.Rebalances);
    }

    [Fact]
    public async Task Once_the_regions_are_stable_the_inner_strategy_rebalances()
    {
        var strategy = new StableRebalanceStrategy(_inner, TimeSpan.Zero);

        var rebalanced = await strategy.Rebalance(Allocations(_system.DeadLetters, ActorRefs.Nobody), ImmutableHashSet<string>.Empty);

        Assert.Equal(["1"], rebalanced);
        Assert.Equal(1, _inner.Rebalances);
    }

    private static IImmutableDictionary<IActorRef, IImmutableList<string>> Allocations(params IActorRef[] regions) =>
        regions.Select((r, i) => (r, (IImmutableList<string>)ImmutableList.Create($"{i}"))).ToImmutableDictionary(p => p.r, p => p.Item2);

    /// <summary>Allocates every shard to the requester and always offers shard "1" for rebalancing.</summary>
    private sealed class RecordingStrategy : IShardAllocationStrategy
    {
        public int Rebalances { get; private set; }

        public Task<IActorRef> AllocateShard(IActorRef requester, string shardId, IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations) =>
            Task.FromResult(requester);

        public Task<IImmutableSet<string>> Rebalance(IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations, IImmutableSet<string> rebalanceInProgress)
        {
            Rebalances++;
            return Task.FromResult<IImmutableSet<string>>(ImmutableHashSet.Create("1"));
        }
    }
}
