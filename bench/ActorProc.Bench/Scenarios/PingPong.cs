using System.CommandLine;
using System.Threading.Channels;
using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Throughput of request/response messaging: P client/echo pairs, each client keeping B
/// messages in flight until its share of the total has gone out and come back. Every
/// message counts once per direction. Baseline: the same protocol over two unbounded
/// single-reader channels and two tasks per pair.
/// </summary>
internal sealed class PingPong : IScenario
{
    private readonly Option<int?> _pairs = SizeReader.Positive("--pairs", "Client/echo pairs (default: processor count).", 1);
    private readonly Option<int?> _inflight = SizeReader.Positive("--inflight", "Messages each client keeps in flight (default 1000).", 1);
    private readonly Option<long?> _messages = SizeReader.Positive("--messages", "Messages per round, both directions counted (default 30,000,000).", 2L);

    public string Name => "pingpong";

    public string Summary => "Client/echo pairs with many messages in flight: msgs/s and bytes allocated per message.";

    public IReadOnlyList<Option> Options => [_pairs, _inflight, _messages];

    public BenchDefinition Define(SizeReader sizes)
    {
        var pairs = sizes.Get(_pairs, Environment.ProcessorCount, 2);
        var inflight = sizes.Get(_inflight, 1000, 10);
        var messages = sizes.Get(_messages, 30_000_000L, 20_000L);
        var workload = new Workload(pairs, inflight, Math.Max(1, messages / (2L * pairs)));
        return new BenchDefinition
        {
            Name = Name,
            Unit = "msgs/s",
            Description = $"{pairs} pairs × {inflight} in flight, {workload.Messages:N0} messages per round (both ways)",
            Check = $"every client got back exactly as many replies as it sent ({workload.RoundTripsPerPair:N0}) and every echo replied to each",
            Parameters = [new("pairs", pairs), new("inflight", inflight), new("messages", workload.Messages)],
            Contenders =
            [
                new Contender("actorproc", ctx => RunActors(workload.For(ctx))),
                new Contender("channel", ctx => RunChannels(workload.For(ctx))),
            ],
        };
    }

    private static Task<RoundResult> RunActors(Workload w) => ActorRound.RunAsync("pingpong", async system =>
    {
        var clients = new IActorRef[w.Pairs];
        var done = new Task<long>[w.Pairs];
        for (var p = 0; p < w.Pairs; p++)
        {
            var echo = system.ActorOf(Props.Create(() => new EchoActor()));
            var finished = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            clients[p] = system.ActorOf(Props.Create(() => new ClientActor(echo, w.RoundTripsPerPair, w.Inflight, finished)));
            done[p] = finished.Task;
        }

        var clock = RoundClock.Start();
        foreach (var client in clients)
        {
            client.Tell(Start.Instance, null);
        }

        var received = await Task.WhenAll(done);
        var (elapsed, allocated) = clock.Stop();
        return w.Result(elapsed, allocated, received.All(n => n == w.RoundTripsPerPair));
    });

    private static async Task<RoundResult> RunChannels(Workload w)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = new Task<long>[w.Pairs];
        var echoes = new Task<long>[w.Pairs];
        for (var p = 0; p < w.Pairs; p++)
        {
            var toEcho = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true });
            var toClient = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true });
            echoes[p] = Task.Run(() => ChannelEcho.Run(toEcho.Reader, toClient.Writer));
            clients[p] = Task.Run(() => ChannelClient(start.Task, toEcho.Writer, toClient.Reader, w.RoundTripsPerPair, w.Inflight));
        }

        var clock = RoundClock.Start();
        start.SetResult();
        var received = await Task.WhenAll(clients);
        var (elapsed, allocated) = clock.Stop();
        var echoed = await Task.WhenAll(echoes);
        var correct = received.All(n => n == w.RoundTripsPerPair) && echoed.All(n => n == w.RoundTripsPerPair);
        return w.Result(elapsed, allocated, correct);
    }

    private static async Task<long> ChannelClient(
        Task start, ChannelWriter<Ping> toEcho, ChannelReader<Ping> replies, long roundTrips, int inflight)
    {
        await start.ConfigureAwait(false);
        long sent = 0, received = 0;
        for (var initial = Math.Min(inflight, roundTrips); sent < initial; sent++)
        {
            toEcho.TryWrite(Ping.Instance);
        }

        while (received < roundTrips && await replies.WaitToReadAsync().ConfigureAwait(false))
        {
            while (replies.TryRead(out var reply))
            {
                received++;
                if (sent < roundTrips)
                {
                    toEcho.TryWrite(reply);
                    sent++;
                }
            }
        }

        toEcho.Complete();
        return received;
    }

    /// <summary>Replies to every message with the same message.</summary>
    private sealed class EchoActor : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    /// <summary>
    /// Keeps <c>inflight</c> pings outstanding until <c>roundTrips</c> have come back, then
    /// completes <c>done</c> with the number of replies.
    /// </summary>
    private sealed class ClientActor(IActorRef echo, long roundTrips, int inflight, TaskCompletionSource<long> done) : UntypedActor
    {
        private long _sent;
        private long _received;

        protected override void OnReceive(object message)
        {
            if (ReferenceEquals(message, Ping.Instance))
            {
                _received++;
                if (_sent < roundTrips)
                {
                    echo.Tell(Ping.Instance, Self);
                    _sent++;
                }
                else if (_received == roundTrips)
                {
                    done.TrySetResult(_received);
                }
            }
            else if (message is Start)
            {
                for (var initial = Math.Min(inflight, roundTrips); _sent < initial; _sent++)
                {
                    echo.Tell(Ping.Instance, Self);
                }
            }
            else
            {
                Unhandled(message);
            }
        }
    }

    /// <summary>Sizes of one round; the warm-up round runs a tenth of the messages.</summary>
    private sealed record Workload(int Pairs, int Inflight, long RoundTripsPerPair)
    {
        public long Messages => 2 * Pairs * RoundTripsPerPair;

        public Workload For(RoundContext ctx) =>
            ctx.IsWarmup ? this with { RoundTripsPerPair = Math.Max(1, RoundTripsPerPair / 10) } : this;

        public RoundResult Result(TimeSpan elapsed, long allocatedBytes, bool correct) =>
            RoundResult.Rate(Messages, elapsed, correct)
                .With("bytes_per_msg", (double)allocatedBytes / Messages) with
            { Failure = correct ? null : "a client or echo saw the wrong number of messages" };
    }
}
