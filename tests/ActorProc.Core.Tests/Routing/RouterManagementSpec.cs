using ActorProc.Core.Actors;
using ActorProc.Core.Events;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class RouterManagementSpec
{
    [Fact]
    public async Task AddRoutee_and_RemoveRoutee_change_where_a_group_routes()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var w1 = sys.ActorOf(Props.Create<NameReplier>(), "w1");
        var w2 = sys.ActorOf(Props.Create<NameReplier>(), "w2");
        var router = sys.ActorOf(new RoundRobinGroup("/user/w1").Props(), "group");

        router.Tell(new AddRoutee(w2), null);
        Assert.Equal(new[] { w1, w2 }, await RouteesOf(router));
        Assert.Equal(new[] { "w1", "w2" }, (await AskMany(router, 4)).Distinct().Order());

        router.Tell(new RemoveRoutee(w1), null);
        Assert.Equal(new[] { w2 }, await RouteesOf(router));
        Assert.Equal(new[] { "w2" }, (await AskMany(router, 4)).Distinct());
    }

    [Fact]
    public async Task Adding_an_existing_routee_again_changes_nothing()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "pool");
        var first = (await RouteesOf(router))[0];

        router.Tell(new AddRoutee(first), null);

        Assert.Equal(2, (await RouteesOf(router)).Count);
    }

    [Fact]
    public async Task Removing_a_pool_routee_stops_it()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(3)), "pool");
        var victim = (await RouteesOf(router))[1];
        var terminated = WatchTermination(sys, victim);

        router.Tell(new RemoveRoutee(victim), null);

        await Within(terminated);
        Assert.Equal(new[] { "$a", "$c" }, (await RouteesOf(router)).Select(r => r.Path.Name));
    }

    [Fact]
    public async Task AdjustPoolSize_grows_and_shrinks_a_pool()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "pool");

        router.Tell(new AdjustPoolSize(3), null);
        Assert.Equal(new[] { "$a", "$b", "$c", "$d", "$e" }, (await RouteesOf(router)).Select(r => r.Path.Name));

        router.Tell(new AdjustPoolSize(-2), null);
        Assert.Equal(new[] { "$a", "$b", "$c" }, (await RouteesOf(router)).Select(r => r.Path.Name));
        Assert.Equal(new[] { "$a", "$b", "$c" }, (await AskMany(router, 6)).Distinct().Order());
    }

    [Fact]
    public async Task Broadcasting_a_PoisonPill_stops_every_routee_and_then_the_pool()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(3)), "pool");
        var routees = await RouteesOf(router);
        var routeesTerminated = routees.Select(r => WatchTermination(sys, r)).ToArray();
        var routerTerminated = WatchTermination(sys, router);

        router.Tell(new Broadcast(PoisonPill.Instance), null);

        await Within(Task.WhenAll(routeesTerminated));
        var terminated = await Within(routerTerminated);
        Assert.Equal(router, terminated.ActorRef);
    }

    [Fact]
    public async Task A_PoisonPill_stops_the_router_and_its_pool_routees()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RandomPool(2)), "pool");
        var routeesTerminated = (await RouteesOf(router)).Select(r => WatchTermination(sys, r)).ToArray();
        var routerTerminated = WatchTermination(sys, router);

        router.Tell(PoisonPill.Instance, null);

        await Within(routerTerminated);
        await Within(Task.WhenAll(routeesTerminated));
    }

    [Fact]
    public async Task Stopping_a_router_is_seen_by_its_watchers_and_later_messages_are_dead_letters()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var deadLetter = new TaskCompletionSource<DeadLetter>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = sys.EventStream.Subscribe<DeadLetter>(d => { if (d.Message is "late") deadLetter.TrySetResult(d); });
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "pool");
        var terminated = WatchTermination(sys, router);

        sys.Stop(router);
        await Within(terminated);
        router.Tell("late", null);

        Assert.Equal(router, (await Within(deadLetter.Task)).Recipient);
    }

    [Fact]
    public async Task Watching_a_router_that_is_already_gone_yields_Terminated()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(1)), "pool");
        await Within(StopAndWait(sys, router));

        var terminated = await Within(WatchTermination(sys, router));

        Assert.Equal(router, terminated.ActorRef);
    }

    [Fact]
    public async Task Identify_is_answered_by_the_router_itself()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "pool");

        var identity = await router.Ask<ActorIdentity>(new Identify(7), Patience);

        Assert.Equal(router, identity.Subject);
    }

    [Fact]
    public async Task The_router_name_is_free_again_after_it_stopped()
    {
        await using var sys = ActorSystem.Create("mgmt");
        var first = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "pool");
        await Within(StopAndWait(sys, first));

        var second = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "pool");

        Assert.NotEqual(first, second);
        Assert.StartsWith("$", await second.Ask<string>("hi", Patience));
    }

    private static async Task StopAndWait(ActorSystem sys, IActorRef actor)
    {
        var terminated = WatchTermination(sys, actor);
        sys.Stop(actor);
        await terminated;
    }

    private static async Task<List<string>> AskMany(IActorRef router, int count)
    {
        var answers = new List<string>();
        for (var i = 0; i < count; i++) answers.Add(await router.Ask<string>(i, Patience));
        return answers;
    }
}
