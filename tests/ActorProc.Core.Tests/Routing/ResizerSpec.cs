using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class ResizerSpec
{
    [Fact]
    public async Task A_resizable_pool_grows_under_pressure_and_shrinks_when_idle()
    {
        await using var sys = ActorSystem.Create("resize");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = new RoundRobinPool(2).WithResizer(new DefaultResizer(lowerBound: 2, upperBound: 6, messagesPerResize: 2));
        var router = sys.ActorOf(Props.Create(() => new GatedWorker(gate.Task)).WithRouter(pool), "pool");
        try
        {
            // Pressure: every routee is stuck awaiting the gate with more work queued behind it.
            await AwaitCondition(async () =>
            {
                for (var i = 0; i < 10; i++) router.Tell("slow", null);
                return (await RouteesOf(router)).Count == 6;
            }, "the pool has grown to its upper bound");

            gate.SetResult();

            // Idle: each answered request leaves the pool without pressure, so every check shrinks it by one.
            var count = await AwaitRouteeCount(router, n => n == 2, "the pool has shrunk to its lower bound", beforeEachPoll: async () =>
            {
                for (var i = 0; i < 4; i++) await router.Ask<string>("quick", Patience);
            });
            Assert.Equal(2, count);
        }
        finally
        {
            gate.TrySetResult();
        }
    }

    [Fact]
    public async Task A_resizer_from_config_keeps_the_pool_within_its_bounds()
    {
        await using var sys = ActorSystem.Create("resize", """
            actorproc.actor.deployment {
              "/pool" { router = round-robin-pool, nr-of-instances = 5, resizer { enabled = on, lower-bound = 1, upper-bound = 3, messages-per-resize = 1 } }
            }
            """);
        var router = sys.ActorOf(Props.Create<NameReplier>(), "pool");

        // Starts with nr-of-instances; the first resize check brings it within the bounds.
        await router.Ask<string>("hi", Patience);

        await AwaitRouteeCount(router, n => n <= 3, "the pool is within its upper bound",
            beforeEachPoll: async () => await router.Ask<string>("hi", Patience));
    }

    private sealed class GatedWorker : ReceiveActor
    {
        public GatedWorker(Task gate)
        {
            ReceiveAsync<string>(async _ => await gate, s => s == "slow");
            Receive<string>(_ => Sender.Tell(Self.Path.Name, Self), s => s == "quick");
        }
    }
}
