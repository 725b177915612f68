using System.CommandLine;
using System.Diagnostics;
using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Remote;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Request/response across processes: P client actors here, P echo actors in a second process (the
/// <see cref="RemoteEchoNode"/>), each client keeping B small messages (an int) in flight over loopback TCP.
/// Every message counts once per direction. Also measures the round-trip latency with one message in flight
/// (p50/p99) and the bytes per message on the wire. Baseline (the floor): the same protocol as raw length-prefixed
/// frames over P plain sockets to a raw echo server in the same second process.
/// </summary>
internal sealed class RemotePingPong : IScenario
{
    private readonly Option<int?> _clients = SizeReader.Positive("--clients", "Client/echo pairs across the wire (default 4).", 1);
    private readonly Option<int?> _inflight = SizeReader.Positive("--inflight", "Messages each client keeps in flight (default 1000).", 1);
    private readonly Option<long?> _messages = SizeReader.Positive("--messages", "Messages per round, both directions counted (default 4,000,000).", 2L);

    public string Name => "remote-pingpong";

    public string Summary => "Client/echo pairs in two processes over loopback TCP: msgs/s, wire bytes/msg, p50/p99 round trip with one in flight.";

    public IReadOnlyList<Option> Options => [_clients, _inflight, _messages];

    public BenchDefinition Define(SizeReader sizes)
    {
        var clients = sizes.Get(_clients, 4, 2);
        var inflight = sizes.Get(_inflight, 1000, 100);
        var messages = sizes.Get(_messages, 4_000_000L, 40_000L);
        var workload = new Workload(clients, inflight, Math.Max(1, messages / (2L * clients)), LatencySamples: sizes.Quick ? 200 : 5_000);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "msgs/s",
            Description = $"{clients} pairs across processes × {inflight} in flight, {workload.Messages:N0} messages per round (both ways)",
            Check = $"every client got back exactly as many replies as it sent ({workload.RoundTripsPerPair:N0}), and every latency probe got its reply",
            Parameters = [new("clients", clients), new("inflight", inflight), new("messages", workload.Messages)],
            Contenders =
            [
                new Contender("actorproc", ctx => RunActorProc(workload.For(ctx))),
                new Contender("raw-socket", ctx => RemoteRawClient.RunAsync(workload.For(ctx))),
            ],
        };
    }

    private static async Task<RoundResult> RunActorProc(Workload w)
    {
        var (process, node, _) = await RemoteEchoNode.StartAsync(w.Pairs);
        var config = Config.Parse($$"""
            actorproc.log-dead-letters = off
            actorproc.loglevel = WARNING
            actorproc.remote { hostname = "127.0.0.1", port = 0, secret = "{{RemoteEchoNode.Secret}}", send-queue-size = 1000000 }
            """);
        var system = ActorSystem.Create("bench", config);
        try
        {
            var remoting = system.UseRemoting();
            var echoes = new IActorRef[w.Pairs];
            for (var p = 0; p < w.Pairs; p++)
                echoes[p] = await system.ActorSelection($"{node}/user/echo-{p}").ResolveOne(TimeSpan.FromSeconds(10));

            var latency = await MeasureLatencyAsync(echoes[0], w.LatencySamples);
            var bytesBefore = remoting.Statistics.BytesWritten;
            var done = new Task<long>[w.Pairs];
            var clientRefs = new IActorRef[w.Pairs];
            for (var p = 0; p < w.Pairs; p++)
            {
                var finished = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                var echo = echoes[p];
                clientRefs[p] = system.ActorOf(Props.Create(() => new ClientActor(echo, w.RoundTripsPerPair, w.Inflight, finished)));
                done[p] = finished.Task;
            }
            var clock = RoundClock.Start();
            foreach (var client in clientRefs) client.Tell(Start.Instance, null);
            var received = await Task.WhenAll(done);
            var (elapsed, _) = clock.Stop();
            var bytesAfter = remoting.Statistics.BytesWritten;
            var correct = received.All(n => n == w.RoundTripsPerPair) && latency.Correct;
            return w.Result(elapsed, correct, (double)(bytesAfter - bytesBefore) / (w.Messages / 2), latency.Samples);
        }
        finally
        {
            await system.Terminate();
            await RemoteEchoNode.StopAsync(process);
        }
    }

    /// <summary>One message in flight: the time of each round trip, in Stopwatch ticks.</summary>
    private static async Task<(long[] Samples, bool Correct)> MeasureLatencyAsync(IActorRef echo, int count)
    {
        var samples = new long[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (await echo.Ask<int>(i, TimeSpan.FromSeconds(10)) != i) return (samples, false);
            samples[i] = Stopwatch.GetTimestamp() - started;
        }
        return (samples, true);
    }

    /// <summary>Keeps <c>inflight</c> ints outstanding until <c>roundTrips</c> replies came back.</summary>
    private sealed class ClientActor(IActorRef echo, long roundTrips, int inflight, TaskCompletionSource<long> done) : UntypedActor
    {
        private long _sent;
        private long _received;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case int:
                    _received++;
                    if (_sent < roundTrips)
                    {
                        echo.Tell(1, Self);
                        _sent++;
                    }
                    else if (_received == roundTrips)
                    {
                        done.TrySetResult(_received);
                    }
                    break;
                case Start:
                    for (var initial = Math.Min(inflight, roundTrips); _sent < initial; _sent++) echo.Tell(1, Self);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    /// <summary>Sizes of one round; the warm-up round runs a tenth of the messages.</summary>
    internal sealed record Workload(int Pairs, int Inflight, long RoundTripsPerPair, int LatencySamples)
    {
        public long Messages => 2 * Pairs * RoundTripsPerPair;

        public Workload For(RoundContext ctx) =>
            ctx.IsWarmup ? this with { RoundTripsPerPair = Math.Max(1, RoundTripsPerPair / 10), LatencySamples = Math.Max(1, LatencySamples / 10) } : this;

        public RoundResult Result(TimeSpan elapsed, bool correct, double wireBytesPerMessage, long[] latencySamples)
        {
            Array.Sort(latencySamples);
            var microsPerTick = 1e6 / Stopwatch.Frequency;
            return RoundResult.Rate(Messages, elapsed, correct)
                .With("wire_bytes_per_msg", wireBytesPerMessage)
                .With("p50_us", Statistics.PercentileOfSorted(latencySamples, 50) * microsPerTick)
                .With("p99_us", Statistics.PercentileOfSorted(latencySamples, 99) * microsPerTick) with
            { Failure = correct ? null : "a client saw the wrong number of replies" };
        }
    }
}
