using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class RoundRobinRouterSpec
{
    [Fact]
    public async Task Round_robin_pool_gives_every_routee_exactly_the_same_share()
    {
        await using var sys = ActorSystem.Create("rr");
        var tally = new Tally(1000);
        var router = sys.ActorOf(Props.Create(() => new CountingRoutee(tally)).WithRouter(new RoundRobinPool(4)), "workers");

        for (var i = 0; i < 1000; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        Assert.Equal(new Dictionary<string, int> { ["$a"] = 250, ["$b"] = 250, ["$c"] = 250, ["$d"] = 250 },
            tally.PerRoutee.OrderBy(kv => kv.Key).ToDictionary());
    }

    [Fact]
    public async Task Pool_routees_are_children_of_the_router_named_in_creation_order()
    {
        await using var sys = ActorSystem.Create("rr");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(3)), "workers");

        var routees = await RouteesOf(router);

        Assert.Equal(["$a", "$b", "$c"], routees.Select(r => r.Path.Name));
        Assert.All(routees, r => Assert.Equal(router.Path, r.Path.Parent));
        Assert.Equal("/user/workers", router.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task Replies_go_straight_to_the_original_sender()
    {
        await using var sys = ActorSystem.Create("rr");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "workers");

        var first = await router.Ask<string>("who", Patience);
        var second = await router.Ask<string>("who", Patience);

        Assert.Equal(new[] { "$a", "$b" }, new[] { first, second }.Order());
    }

    [Fact]
    public async Task Round_robin_group_routes_to_the_given_paths_in_turn()
    {
        await using var sys = ActorSystem.Create("rr");
        var tally = new Tally(300);
        foreach (var name in new[] { "w1", "w2", "w3" }) sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), name);
        var router = sys.ActorOf(new RoundRobinGroup("/user/w1", "/user/w2", "/user/w3").Props(), "group");

        for (var i = 0; i < 300; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        Assert.All(new[] { "w1", "w2", "w3" }, name => Assert.Equal(100, tally.PerRoutee[name]));
    }

    [Fact]
    public async Task Messages_sent_through_a_selection_of_the_router_are_routed_by_the_router_actor()
    {
        await using var sys = ActorSystem.Create("rr");
        var tally = new Tally(40);
        sys.ActorOf(Props.Create(() => new CountingRoutee(tally)).WithRouter(new RoundRobinPool(4)), "workers");

        var selection = sys.ActorSelection("/user/workers");
        for (var i = 0; i < 40; i++) selection.Tell(i);

        await Within(tally.AllReceived);
        Assert.All(tally.PerRoutee.Values, n => Assert.Equal(10, n));
    }
}
