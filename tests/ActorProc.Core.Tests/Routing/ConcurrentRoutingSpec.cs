using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

/// <summary>Stress: many threads routing through one router ref at once (the sender-thread fast path).</summary>
public sealed class ConcurrentRoutingSpec
{
    private const int Senders = 4;
    private const int PerSender = 100_000;

    private sealed record Numbered(int Sender, int Sequence);

    [Theory]
    [InlineData("round-robin")]
    [InlineData("random")]
    [InlineData("consistent-hashing")]
    public async Task Messages_from_many_threads_all_arrive_in_per_sender_order(string kind)
    {
        await using var sys = ActorSystem.Create("stress");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outOfOrder = 0;
        var received = 0;
        void Record(bool inOrder)
        {
            if (!inOrder) Interlocked.Increment(ref outOfOrder);
            if (Interlocked.Increment(ref received) == Senders * PerSender) done.TrySetResult();
        }
        Pool pool = kind switch
        {
            "round-robin" => new RoundRobinPool(4),
            "random" => new RandomPool(4),
            _ => new ConsistentHashingPool(4, m => ((Numbered)m).Sequence % 64),
        };
        var router = sys.ActorOf(Props.Create(() => new OrderChecker(Record)).WithRouter(pool), "workers");

        using var start = new Barrier(Senders);
        var threads = Enumerable.Range(0, Senders).Select(sender => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerSender; i++) router.Tell(new Numbered(sender, i), null);
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, outOfOrder);
        if (kind == "round-robin")
        {
            // Every ticket is taken exactly once, so the shares are exact even with concurrent senders.
            var counts = await Task.WhenAll((await RouteesOf(router)).Select(r => r.Ask<int>("count", Patience)));
            Assert.All(counts, n => Assert.Equal(Senders * PerSender / 4, n));
        }
    }

    /// <summary>Checks that each sender's sequence numbers arrive increasing at this routee.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        private readonly int[] _last = Enumerable.Repeat(-1, Senders).ToArray();
        private int _count;

        public OrderChecker(Action<bool> record)
        {
            Receive<Numbered>(m =>
            {
                _count++;
                var inOrder = m.Sequence > _last[m.Sender];
                _last[m.Sender] = m.Sequence;
                record(inOrder);
            });
            Receive<string>(_ => Sender.Tell(_count, Self), s => s == "count");
        }
    }
}
