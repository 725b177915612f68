using System.Collections.Concurrent;
using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

/// <summary>Scatter-gather-first-completed and tail-chopping: the first reply wins, silence fails the request.</summary>
public sealed class FirstReplyRouterSpec
{
    [Fact]
    public async Task Scatter_gather_returns_the_fastest_reply()
    {
        await using var sys = ActorSystem.Create("sg");
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sys.ActorOf(Props.Create(() => new Replier(never.Task, "slow-1")), "slow1");
        sys.ActorOf(Props.Create(() => new Replier(Task.CompletedTask, "fast")), "fast");
        sys.ActorOf(Props.Create(() => new Replier(never.Task, "slow-2")), "slow2");
        var router = sys.ActorOf(new ScatterGatherFirstCompletedGroup(Patience, "/user/slow1", "/user/fast", "/user/slow2").Props(), "sg");
        try
        {
            Assert.Equal("fast", await router.Ask<string>("question", Patience));
        }
        finally
        {
            never.TrySetResult();
        }
    }

    [Fact]
    public async Task Scatter_gather_pool_sends_to_every_routee_and_answers_once()
    {
        await using var sys = ActorSystem.Create("sg");
        var tally = new Tally(3);
        var router = sys.ActorOf(Props.Create(() => new CountingReplier(tally)).WithRouter(new ScatterGatherFirstCompletedPool(3, Patience)), "sg");

        var answer = await router.Ask<string>("question", Patience);

        await Within(tally.AllReceived);
        Assert.StartsWith("$", answer);
        Assert.Equal(3, tally.PerRoutee.Count);
    }

    [Fact]
    public async Task Scatter_gather_fails_with_a_timeout_when_nobody_replies_in_time()
    {
        await using var sys = ActorSystem.Create("sg");
        var router = sys.ActorOf(Props.Create<Silent>().WithRouter(new ScatterGatherFirstCompletedPool(2, TimeSpan.FromMilliseconds(200))), "sg");

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => router.Ask<string>("question", Patience));

        // The router's timeout, not the Ask's: it names the router and its own 200 ms.
        Assert.Contains("/user/sg", error.Message);
        Assert.Contains("200 ms", error.Message);
    }

    [Fact]
    public async Task Tail_chopping_tries_another_routee_when_the_first_does_not_answer()
    {
        await using var sys = ActorSystem.Create("tc");
        var attempts = new ConcurrentQueue<string>();
        var router = sys.ActorOf(
            Props.Create(() => new SilentOnFirstAttempt(attempts)).WithRouter(new TailChoppingPool(4, Patience, TimeSpan.FromMilliseconds(20))),
            "tc");

        var answer = await router.Ask<string>("question", Patience);

        var tried = attempts.ToArray();
        Assert.True(tried.Length >= 2, "a second routee must have been tried");
        Assert.NotEqual(tried[0], answer);
        Assert.Equal(tried.Length, tried.Distinct().Count());
    }

    [Fact]
    public async Task Tail_chopping_fails_with_a_timeout_after_trying_every_routee()
    {
        await using var sys = ActorSystem.Create("tc");
        var tally = new Tally(3);
        // The deadline is far beyond the two intervals needed to reach every routee, so a slow machine still gets there.
        var router = sys.ActorOf(
            new TailChoppingGroup(["/user/a", "/user/b", "/user/c"], TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(10)).Props(), "tc");
        foreach (var name in new[] { "a", "b", "c" }) sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), name);

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => router.Ask<string>("question", Patience));

        Assert.Contains("1000 ms", error.Message);
        await Within(tally.AllReceived);
        Assert.Equal(new[] { 1, 1, 1 }, tally.PerRoutee.Values);
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier(Task delay, string answer) => ReceiveAsync<string>(async _ =>
        {
            var sender = Sender;
            await delay;
            sender.Tell(answer, Self);
        });
    }

    private sealed class CountingReplier : ReceiveActor
    {
        public CountingReplier(Tally tally) => ReceiveAny(_ =>
        {
            tally.Record(Self.Path.Name);
            Sender.Tell(Self.Path.Name, Self);
        });
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class SilentOnFirstAttempt : ReceiveActor
    {
        public SilentOnFirstAttempt(ConcurrentQueue<string> attempts) => ReceiveAny(_ =>
        {
            attempts.Enqueue(Self.Path.Name);
            if (attempts.Count > 1) Sender.Tell(Self.Path.Name, Self);
        });
    }
}
