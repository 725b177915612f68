using System.CommandLine;
using System.Threading.Channels;
using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Fan-out: one producer (the bench's driver thread) sends N messages to each of A consumers,
/// round-robin; each consumer counts and reports its total once it has all N. Measures
/// msgs/s from the first send to the last report. Baseline: A unbounded single-reader
/// channels and A consumer tasks.
/// </summary>
internal sealed class Fanout : IScenario
{
    private readonly Option<int?> _consumers = SizeReader.Positive("--consumers", "Consumer actors (default 60).", 1);
    private readonly Option<int?> _messages = SizeReader.Positive("--messages-per-consumer", "Messages sent to each consumer (default 10,000).", 1);

    public string Name => "fanout";

    public string Summary => "One producer to 60 consumers, 10,000 messages each: msgs/s.";

    public IReadOnlyList<Option> Options => [_consumers, _messages];

    public BenchDefinition Define(SizeReader sizes)
    {
        var workload = new Workload(sizes.Get(_consumers, 60, 8), sizes.Get(_messages, 10_000, 200));
        return new BenchDefinition
        {
            Name = Name,
            Unit = "msgs/s",
            Description = $"1 producer → {workload.Consumers} consumers × {workload.PerConsumer:N0} messages = {workload.Total:N0} per round",
            Check = $"every consumer reported exactly {workload.PerConsumer:N0} messages",
            Parameters = [new("consumers", workload.Consumers), new("messages_per_consumer", workload.PerConsumer), new("messages", workload.Total)],
            Contenders =
            [
                new Contender("actorproc", _ => RunActors(workload)),
                new Contender("channel", _ => RunChannels(workload)),
            ],
        };
    }

    private static Task<RoundResult> RunActors(Workload w) => ActorRound.RunAsync("fanout", async system =>
    {
        var consumers = new IActorRef[w.Consumers];
        var counts = new Task<long>[w.Consumers];
        for (var c = 0; c < w.Consumers; c++)
        {
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            consumers[c] = system.ActorOf(Props.Create(() => new CounterActor(w.PerConsumer, done)));
            counts[c] = done.Task;
        }

        var clock = RoundClock.Start();
        for (var m = 0; m < w.PerConsumer; m++)
        {
            foreach (var consumer in consumers)
            {
                consumer.Tell(Ping.Instance, null);
            }
        }

        var reported = await Task.WhenAll(counts);
        var (elapsed, allocated) = clock.Stop();
        return w.Result(reported, elapsed, allocated);
    });

    private static async Task<RoundResult> RunChannels(Workload w)
    {
        var writers = new ChannelWriter<Ping>[w.Consumers];
        var consumers = new Task<long>[w.Consumers];
        for (var c = 0; c < w.Consumers; c++)
        {
            var channel = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            writers[c] = channel.Writer;
            consumers[c] = Task.Run(() => CountUntil(channel.Reader, w.PerConsumer));
        }

        var clock = RoundClock.Start();
        for (var m = 0; m < w.PerConsumer; m++)
        {
            foreach (var writer in writers)
            {
                writer.TryWrite(Ping.Instance);
            }
        }

        var counts = await Task.WhenAll(consumers);
        var (elapsed, allocated) = clock.Stop();
        return w.Result(counts, elapsed, allocated);
    }

    private static async Task<long> CountUntil(ChannelReader<Ping> reader, long expected)
    {
        long count = 0;
        while (count < expected && await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (count < expected && reader.TryRead(out _))
            {
                count++;
            }
        }

        // A message beyond the expected count would be a duplicate delivery.
        return reader.TryRead(out _) ? count + 1 : count;
    }

    /// <summary>Counts messages and reports the count once it reaches <c>expected</c>.</summary>
    private sealed class CounterActor(long expected, TaskCompletionSource<long> done) : UntypedActor
    {
        private long _count;

        protected override void OnReceive(object message)
        {
            if (ReferenceEquals(message, Ping.Instance))
            {
                if (++_count == expected)
                {
                    done.TrySetResult(_count);
                }
            }
            else
            {
                Unhandled(message);
            }
        }
    }

    private sealed record Workload(int Consumers, int PerConsumer)
    {
        public long Total => (long)Consumers * PerConsumer;

        public RoundResult Result(IReadOnlyCollection<long> counts, TimeSpan elapsed, long allocatedBytes)
        {
            var correct = counts.Count == Consumers && counts.All(n => n == PerConsumer);
            return RoundResult.Rate(Total, elapsed, correct)
                .With("bytes_per_msg", (double)allocatedBytes / Total) with
            { Failure = correct ? null : "a consumer reported the wrong count" };
        }
    }
}
