using System.CommandLine;
using System.Diagnostics;
using System.Threading.Channels;
using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Round-trip latency: one client/echo pair with one message in flight. Reports round trips
/// per second and the p50/p99 of the individual round-trip times. Baseline: two unbounded
/// single-reader channels and two tasks.
/// </summary>
internal sealed class Latency : IScenario
{
    private readonly Option<int?> _roundTrips = SizeReader.Positive("--roundtrips", "Round trips per round (default 1,000,000).", 1);

    public string Name => "latency";

    public string Summary => "One pair, one message in flight: round trips/s and p50/p99 round-trip microseconds.";

    public IReadOnlyList<Option> Options => [_roundTrips];

    public BenchDefinition Define(SizeReader sizes)
    {
        var roundTrips = sizes.Get(_roundTrips, 1_000_000, 1_000);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "roundtrips/s",
            Description = $"1 pair, 1 message in flight, {roundTrips:N0} round trips per round",
            Check = $"the client got exactly one reply per request and the echo answered every one ({roundTrips:N0})",
            Parameters = [new("roundtrips", roundTrips)],
            Contenders =
            [
                new Contender("actorproc", ctx => RunActors(For(ctx, roundTrips))),
                new Contender("channel", ctx => RunChannels(For(ctx, roundTrips))),
            ],
        };
    }

    /// <summary>The warm-up round runs a tenth of the round trips.</summary>
    private static int For(RoundContext ctx, int roundTrips) => ctx.IsWarmup ? Math.Max(1, roundTrips / 10) : roundTrips;

    private static Task<RoundResult> RunActors(int roundTrips) => ActorRound.RunAsync("latency", async system =>
    {
        var samples = new long[roundTrips];
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        var client = system.ActorOf(Props.Create(() => new ClientActor(echo, samples, done)));

        var clock = RoundClock.Start();
        client.Tell(Start.Instance, null);
        var received = await done.Task;
        var (elapsed, _) = clock.Stop();
        return Summarise(samples, elapsed, received == roundTrips);
    });

    private static async Task<RoundResult> RunChannels(int roundTrips)
    {
        var toEcho = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true });
        var toClient = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true });
        var samples = new long[roundTrips];
        var echo = Task.Run(() => ChannelEcho.Run(toEcho.Reader, toClient.Writer));

        var clock = RoundClock.Start();
        var received = await Task.Run(async () =>
        {
            var count = 0;
            for (; count < roundTrips; count++)
            {
                var sentAt = Stopwatch.GetTimestamp();
                toEcho.Writer.TryWrite(Ping.Instance);
                await toClient.Reader.ReadAsync().ConfigureAwait(false);
                samples[count] = Stopwatch.GetTimestamp() - sentAt;
            }

            return count;
        });
        var (elapsed, _) = clock.Stop();
        toEcho.Writer.Complete();
        var echoed = await echo;
        return Summarise(samples, elapsed, received == roundTrips && echoed == roundTrips);
    }

    /// <summary>Replies to every message with the same message.</summary>
    private sealed class EchoActor : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    /// <summary>Sends one ping at a time and records each round trip's time until <c>samples</c> is full.</summary>
    private sealed class ClientActor(IActorRef echo, long[] samples, TaskCompletionSource<int> done) : UntypedActor
    {
        private int _received;
        private long _sentAt;

        protected override void OnReceive(object message)
        {
            if (ReferenceEquals(message, Ping.Instance))
            {
                samples[_received++] = Stopwatch.GetTimestamp() - _sentAt;
                if (_received < samples.Length)
                {
                    Send();
                }
                else
                {
                    done.TrySetResult(_received);
                }
            }
            else if (message is Start)
            {
                Send();
            }
            else
            {
                Unhandled(message);
            }
        }

        private void Send()
        {
            _sentAt = Stopwatch.GetTimestamp();
            echo.Tell(Ping.Instance, Self);
        }
    }

    /// <summary>Round trips/s plus the p50 and p99 of the round-trip samples (Stopwatch ticks).</summary>
    internal static RoundResult Summarise(long[] samples, TimeSpan elapsed, bool correct)
    {
        Array.Sort(samples);
        var microsPerTick = 1e6 / Stopwatch.Frequency;
        return RoundResult.Rate(samples.Length, elapsed, correct)
            .With("p50_us", Statistics.PercentileOfSorted(samples, 50) * microsPerTick)
            .With("p99_us", Statistics.PercentileOfSorted(samples, 99) * microsPerTick) with
        { Failure = correct ? null : "the number of replies did not match the number of requests" };
    }
}
