using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>
/// Per sender→receiver order and no loss under concurrent senders; this is also the stress test of the
/// mailbox's lock-free queue as actors use it.
/// </summary>
public sealed class OrderingSpec : TestKit
{
    private const int Senders = 4;
    private const int PerSender = 100_000;

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record Summary(int Received, int OutOfOrder, int[] LastPerSender);

    /// <summary>Checks that each sender's numbers arrive as 0, 1, 2, ... and reports once all arrived.</summary>
    private sealed class SequenceChecker : ReceiveActor
    {
        public SequenceChecker(IActorRef report)
        {
            var next = new int[Senders];
            var received = 0;
            var outOfOrder = 0;
            Receive<Numbered>(n =>
            {
                if (n.Sequence != next[n.Sender]) outOfOrder++;
                next[n.Sender] = n.Sequence + 1;
                if (++received == Senders * PerSender) report.Tell(new Summary(received, outOfOrder, next), Self);
            });
        }
    }

    [Fact]
    public async Task Four_concurrent_senders_keep_their_order_and_lose_nothing()
    {
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(TestActor)), "checker");
        using var start = new Barrier(Senders);
        var senders = Enumerable.Range(0, Senders).Select(s => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(); // all threads send at once, to maximise contention
            for (var i = 0; i < PerSender; i++) checker.Tell(new Numbered(s, i), null);
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(senders);

        var summary = await ExpectMsgAsync<Summary>(TimeSpan.FromSeconds(60));
        Assert.Equal(Senders * PerSender, summary.Received);
        Assert.Equal(0, summary.OutOfOrder);
        Assert.All(summary.LastPerSender, next => Assert.Equal(PerSender, next));
        await ExpectNoMsgAsync();
    }
}
