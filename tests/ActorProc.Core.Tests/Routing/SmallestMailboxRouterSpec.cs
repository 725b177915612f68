using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class SmallestMailboxRouterSpec
{
    [Fact]
    public async Task A_routee_blocked_in_a_long_message_gets_nothing_while_others_are_idle()
    {
        await using var sys = ActorSystem.Create("smallest");
        using var gate = new SemaphoreSlim(0);
        var blocked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = sys.ActorOf(Props.Create(() => new Worker(gate, blocked)).WithRouter(new SmallestMailboxPool(4)), "workers");
        try
        {
            router.Tell("block", null);
            var blockedName = await Within(blocked.Task);

            var servedBy = new List<string>();
            for (var i = 0; i < 60; i++) servedBy.Add(await router.Ask<string>("work", Patience));

            Assert.DoesNotContain(blockedName, servedBy);
            Assert.Equal(3, servedBy.Distinct().Count());
        }
        finally
        {
            gate.Release(100);
        }
    }

    [Fact]
    public async Task A_routee_awaiting_an_async_handler_gets_nothing_while_others_can_take_work()
    {
        await using var sys = ActorSystem.Create("smallest");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var awaiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = sys.ActorOf(Props.Create(() => new AsyncWorker(gate.Task, awaiting)).WithRouter(new SmallestMailboxPool(3)), "workers");
        try
        {
            router.Tell("block", null);
            var awaitingName = await Within(awaiting.Task);

            var servedBy = new List<string>();
            for (var i = 0; i < 30; i++) servedBy.Add(await router.Ask<string>("work", Patience));

            Assert.DoesNotContain(awaitingName, servedBy);
        }
        finally
        {
            gate.TrySetResult();
        }
    }

    [Fact]
    public async Task Messages_go_to_the_routee_with_the_fewest_queued_messages()
    {
        await using var sys = ActorSystem.Create("smallest");
        using var gate = new SemaphoreSlim(0);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedCount = 0;
        void Started()
        {
            var n = Interlocked.Increment(ref startedCount);
            (n == 1 ? firstStarted : bothStarted).TrySetResult();
        }
        var tally = new Tally(10);
        var router = sys.ActorOf(Props.Create(() => new GatedCounter(gate, Started, tally)).WithRouter(new SmallestMailboxPool(2)), "workers");
        try
        {
            // Both routees get stuck in a first message (the second block goes to the idle one) ...
            router.Tell("block", null);
            await Within(firstStarted.Task);
            router.Tell("block", null);
            await Within(bothStarted.Task);

            // ... so from now on the shorter queue decides: the queues grow in turn.
            for (var i = 0; i < 10; i++) router.Tell("count", null);
            gate.Release(100);

            await Within(tally.AllReceived);
            Assert.Equal(new[] { 5, 5 }, tally.PerRoutee.Values);
        }
        finally
        {
            gate.Release(100);
        }
    }

    private sealed class Worker : ReceiveActor
    {
        public Worker(SemaphoreSlim gate, TaskCompletionSource<string> blocked)
        {
            Receive<string>(_ =>
            {
                blocked.TrySetResult(Self.Path.Name);
                gate.Wait(); // deliberately blocks this routee's thread until the test releases it
            }, s => s == "block");
            Receive<string>(_ => Sender.Tell(Self.Path.Name, Self), s => s == "work");
        }
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker(Task gate, TaskCompletionSource<string> awaiting)
        {
            ReceiveAsync<string>(async _ =>
            {
                awaiting.TrySetResult(Self.Path.Name);
                await gate;
            }, s => s == "block");
            Receive<string>(_ => Sender.Tell(Self.Path.Name, Self), s => s == "work");
        }
    }

    private sealed class GatedCounter : ReceiveActor
    {
        public GatedCounter(SemaphoreSlim gate, Action started, Tally tally)
        {
            Receive<string>(_ =>
            {
                started();
                gate.Wait(); // deliberately blocks this routee's thread until the test releases it
            }, s => s == "block");
            Receive<string>(_ => tally.Record(Self.Path.Name), s => s == "count");
        }
    }
}
