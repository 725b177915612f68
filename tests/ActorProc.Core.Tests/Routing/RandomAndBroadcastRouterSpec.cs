using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class RandomAndBroadcastRouterSpec
{
    [Fact]
    public async Task Random_pool_spreads_messages_roughly_evenly()
    {
        await using var sys = ActorSystem.Create("random");
        var tally = new Tally(8000);
        var router = sys.ActorOf(Props.Create(() => new CountingRoutee(tally)).WithRouter(new RandomPool(4)), "workers");

        for (var i = 0; i < 8000; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        // Expected 2000 each with a standard deviation of about 39: the bounds are more than 10 deviations wide.
        Assert.Equal(4, tally.PerRoutee.Count);
        Assert.All(tally.PerRoutee.Values, n => Assert.InRange(n, 1600, 2400));
    }

    [Fact]
    public async Task Random_group_reaches_every_path()
    {
        await using var sys = ActorSystem.Create("random");
        var tally = new Tally(400);
        sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), "w1");
        sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), "w2");
        var router = sys.ActorOf(new RandomGroup("/user/w1", "/user/w2").Props(), "group");

        for (var i = 0; i < 400; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        Assert.All(new[] { "w1", "w2" }, name => Assert.InRange(tally.PerRoutee[name], 100, 300));
    }

    [Fact]
    public async Task Broadcast_pool_delivers_every_message_to_every_routee()
    {
        await using var sys = ActorSystem.Create("broadcast");
        var tally = new Tally(3 * 50);
        var router = sys.ActorOf(Props.Create(() => new CountingRoutee(tally)).WithRouter(new BroadcastPool(3)), "workers");

        for (var i = 0; i < 50; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        Assert.Equal(new[] { 50, 50, 50 }, tally.PerRoutee.Values);
    }

    [Fact]
    public async Task Broadcast_group_delivers_every_message_to_every_path()
    {
        await using var sys = ActorSystem.Create("broadcast");
        var tally = new Tally(2 * 20);
        sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), "w1");
        sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), "w2");
        var router = sys.ActorOf(new BroadcastGroup("/user/w1", "/user/w2").Props(), "group");

        for (var i = 0; i < 20; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        Assert.Equal(20, tally.PerRoutee["w1"]);
        Assert.Equal(20, tally.PerRoutee["w2"]);
    }

    [Fact]
    public async Task A_Broadcast_message_reaches_all_routees_of_any_router_unwrapped()
    {
        await using var sys = ActorSystem.Create("broadcast");
        var received = new System.Collections.Concurrent.ConcurrentBag<(string Routee, object Message)>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = sys.ActorOf(Props.Create(() => new Recorder(received, all, 4)).WithRouter(new RoundRobinPool(4)), "workers");

        router.Tell(new Broadcast("hello"), null);

        await Within(all.Task);
        Assert.Equal(new[] { "$a", "$b", "$c", "$d" }, received.Select(r => r.Routee).Order());
        Assert.All(received, r => Assert.Equal("hello", r.Message));
    }

    [Fact]
    public async Task A_Broadcast_stays_in_order_with_the_senders_other_messages()
    {
        await using var sys = ActorSystem.Create("broadcast");
        var tally = new Tally(200 * 3 + 200);
        var outOfOrder = 0;
        var router = sys.ActorOf(Props.Create(() => new OrderChecker(tally, () => Interlocked.Increment(ref outOfOrder))).WithRouter(new RoundRobinPool(3)), "workers");

        for (var i = 0; i < 200; i++)
        {
            router.Tell(new Broadcast(new Announcement(i)), null);
            router.Tell(new Work(i), null);
        }

        await Within(tally.AllReceived);
        Assert.Equal(0, outOfOrder);
    }

    private sealed record Announcement(int Index);

    private sealed record Work(int Index);

    /// <summary>Work i must arrive after announcement i, which was sent before it.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        private int _lastAnnouncement = -1;

        public OrderChecker(Tally tally, Action outOfOrder)
        {
            Receive<Announcement>(a =>
            {
                _lastAnnouncement = a.Index;
                tally.Record(Self.Path.Name);
            });
            Receive<Work>(w =>
            {
                if (_lastAnnouncement < w.Index) outOfOrder();
                tally.Record(Self.Path.Name);
            });
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(System.Collections.Concurrent.ConcurrentBag<(string, object)> received, TaskCompletionSource all, int expected) =>
            ReceiveAny(m =>
            {
                received.Add((Self.Path.Name, m));
                if (received.Count == expected) all.TrySetResult();
            });
    }
}
