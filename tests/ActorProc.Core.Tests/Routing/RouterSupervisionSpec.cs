using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using ActorProc.Core.Supervision;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class RouterSupervisionSpec
{
    [Fact]
    public async Task A_failing_routee_is_restarted_by_default_and_the_pool_keeps_routing()
    {
        await using var sys = ActorSystem.Create("sup");
        var restarted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = sys.ActorOf(Props.Create(() => new Fragile(restarted)).WithRouter(new RoundRobinPool(3)), "pool");
        var before = await RouteesOf(router);

        router.Tell("boom", null);

        Assert.Equal("$a", await Within(restarted.Task));
        Assert.Equal(before, await RouteesOf(router));
        var answers = new List<string>();
        for (var i = 0; i < 6; i++) answers.Add(await router.Ask<string>("work", Patience));
        Assert.Equal(new[] { "$a", "$b", "$c" }, answers.Distinct().Order());
    }

    [Fact]
    public async Task A_stopping_strategy_removes_the_failed_routee()
    {
        await using var sys = ActorSystem.Create("sup");
        var restarted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = new RoundRobinPool(3).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var router = sys.ActorOf(Props.Create(() => new Fragile(restarted)).WithRouter(pool), "pool");

        router.Tell("boom", null);

        await AwaitRouteeCount(router, n => n == 2, "the failed routee is removed");
        Assert.Equal(new[] { "$b", "$c" }, (await RouteesOf(router)).Select(r => r.Path.Name));
        Assert.False(restarted.Task.IsCompleted);
    }

    [Fact]
    public async Task An_escalating_strategy_restarts_the_router_with_a_fresh_pool()
    {
        await using var sys = ActorSystem.Create("sup");
        var restarted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = new RoundRobinPool(2) { SupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate) };
        var router = sys.ActorOf(Props.Create(() => new Fragile(restarted)).WithRouter(pool), "pool");
        var oldRoutees = (await RouteesOf(router)).Select(r => WatchTermination(sys, r)).ToArray();

        router.Tell("boom", null);

        await Within(Task.WhenAll(oldRoutees));
        await AwaitCondition(async () => (await RouteesOf(router)).Select(r => r.Path.Name).SequenceEqual(["$c", "$d"]), "the router has new routees");
        Assert.StartsWith("$", await router.Ask<string>("work", Patience));
    }

    private sealed class Fragile : ReceiveActor
    {
        public Fragile(TaskCompletionSource<string> restarted)
        {
            Receive<string>(_ => throw new InvalidOperationException("boom"), s => s == "boom");
            Receive<string>(_ => Sender.Tell(Self.Path.Name, Self), s => s == "work");
            _restarted = restarted;
        }

        private readonly TaskCompletionSource<string> _restarted;

        protected override void PostRestart(Exception reason)
        {
            base.PostRestart(reason);
            _restarted.TrySetResult(Self.Path.Name);
        }
    }
}
