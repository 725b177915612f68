using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>Many actors failing and restarting at once while several threads keep sending.</summary>
public sealed class SupervisionStressSpec : TestKit
{
    private const int Actors = 1_000;
    private const int MessagesPerActor = 1_000;
    private const int Senders = 4;

    [Fact]
    public async Task A_thousand_actors_restarted_a_hundred_times_each_process_every_other_message_exactly_once()
    {
        var state = new Shared(Actors * MessagesPerActor);
        var parent = Sys.ActorOf(Props.Create(() => new StressParent(Actors, state))
            .WithSupervisorStrategy(new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, _ => Directive.Restart, loggingEnabled: false)), "parent");
        parent.Tell("children", TestActor);
        var children = ExpectMsg<IActorRef[]>();

        // Each sender thread covers every actor with its own share of the sequence numbers.
        var senders = Enumerable.Range(0, Senders).Select(t => Task.Factory.StartNew(() =>
        {
            for (var seq = t; seq < MessagesPerActor; seq += Senders)
                for (var a = 0; a < Actors; a++)
                    children[a].Tell(new Work(a, seq));
        }, TaskCreationOptions.LongRunning)).ToArray();

        // Generous bound: it only limits a hang (a deadlock or a lost message), it does not measure speed.
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromMinutes(2));
        await Task.WhenAll(state.AllProcessed.Task, state.AllRestarted.Task).WaitAsync(TimeSpan.FromMinutes(3));

        for (var a = 0; a < Actors; a++)
            for (var seq = 0; seq < MessagesPerActor; seq++)
            {
                var expected = Fails(seq) ? 0 : 1;
                var seen = Volatile.Read(ref state.Processed[a * MessagesPerActor + seq]);
                if (seen != expected) Assert.Fail($"actor {a} message {seq} was processed {seen} times (expected {expected})");
            }
        Assert.Equal(Actors * MessagesPerActor / 10, Volatile.Read(ref state.Restarts));
    }

    private static bool Fails(int seq) => seq % 10 == 9;

    private sealed record Work(int Actor, int Seq);

    /// <summary>Counters shared by all the actors of the test (thread-safe through Interlocked only).</summary>
    private sealed class Shared(int total)
    {
        public readonly int[] Processed = new int[total];
        public readonly TaskCompletionSource AllProcessed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource AllRestarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int ProcessedCount;
        public int Restarts;

        public int ExpectedProcessed { get; } = total - total / 10;
        public int ExpectedRestarts { get; } = total / 10;
    }

    private sealed class StressParent : ReceiveActor
    {
        public StressParent(int count, Shared state)
        {
            var children = Enumerable.Range(0, count).Select(i => Context.ActorOf(Props.Create(() => new Worker(state)), $"w{i}")).ToArray();
            Receive<string>(_ => Sender.Tell(children, Self), s => s == "children");
        }
    }

    private sealed class Worker : ReceiveActor
    {
        private readonly Shared _state;

        public Worker(Shared state)
        {
            _state = state;
            Receive<Work>(w =>
            {
                if (Fails(w.Seq)) throw new BoomException();
                Interlocked.Increment(ref state.Processed[w.Actor * MessagesPerActor + w.Seq]);
                if (Interlocked.Increment(ref state.ProcessedCount) == state.ExpectedProcessed) state.AllProcessed.TrySetResult();
            });
        }

        protected override void PostRestart(Exception reason)
        {
            if (Interlocked.Increment(ref _state.Restarts) == _state.ExpectedRestarts) _state.AllRestarted.TrySetResult();
        }
    }
}
