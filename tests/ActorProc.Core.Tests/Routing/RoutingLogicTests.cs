using ActorProc.Core.Actors;
using ActorProc.Core.Routing;

namespace ActorProc.Core.Tests.Routing;

/// <summary>The routing logics on their own, with stub routees: exact choices and no allocation per message.</summary>
public sealed class RoutingLogicTests
{
    private sealed record Keyed(string Key) : IConsistentHashable
    {
        public object ConsistentHashKey => Key;
    }

    [Fact]
    public void Round_robin_visits_the_routees_in_order_and_wraps_around()
    {
        var routees = Stubs(3);
        var logic = new RoundRobinRoutingLogic();

        for (var i = 0; i < 7; i++) logic.Send("m", null, new RouteeSnapshot(routees, null), null!);

        Assert.Equal(new[] { 3, 2, 2 }, routees.Select(r => r.Count));
    }

    [Fact]
    public void Router_envelopes_are_unwrapped_for_the_routee()
    {
        var routees = Stubs(1);

        new RandomRoutingLogic().Send(new ConsistentHashableEnvelope("inner", "key"), null, new RouteeSnapshot(routees, null), null!);

        Assert.Equal("inner", routees[0].Last);
    }

    [Theory]
    [InlineData("round-robin")]
    [InlineData("random")]
    [InlineData("consistent-hashing")]
    [InlineData("smallest-mailbox")]
    public void Routing_a_message_allocates_nothing(string kind)
    {
        var routees = Stubs(4);
        RoutingLogic logic = kind switch
        {
            "round-robin" => new RoundRobinRoutingLogic(),
            "random" => new RandomRoutingLogic(),
            "smallest-mailbox" => new SmallestMailboxRoutingLogic(),
            _ => new ConsistentHashingRoutingLogic(null, 10),
        };
        var snapshot = new RouteeSnapshot(routees, logic.CreateState(routees));
        var message = new Keyed("customer-42");
        for (var i = 0; i < 1000; i++) logic.Send(message, null, snapshot, null!); // warm up (JIT, statics)

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) logic.Send(message, null, snapshot, null!);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(11_000, routees.Sum(r => r.Count));
    }

    private static StubRoutee[] Stubs(int count) => Enumerable.Range(0, count).Select(i => new StubRoutee($"r{i}")).ToArray();

    /// <summary>Counts what it is told; allocation-free.</summary>
    private sealed class StubRoutee(string name) : IActorRef
    {
        public int Count { get; private set; }
        public object? Last { get; private set; }
        public ActorPath Path { get; } = ActorPath.Root(new Address("actorproc", "stub")).Child(name);

        public void Tell(object message, IActorRef? sender)
        {
            Count++;
            Last = message;
        }

        public bool Equals(IActorRef? other) => ReferenceEquals(this, other);
    }
}
