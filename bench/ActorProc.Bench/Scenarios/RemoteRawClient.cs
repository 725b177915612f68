using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The floor of <see cref="RemotePingPong"/>: P plain sockets to the echo node's raw server, each keeping B
/// length-prefixed frames (a 4-byte payload, like the actors' int) in flight, refilling as replies arrive, with
/// one write per batch of replies read. No actors, no serialization, no routing.
/// </summary>
internal static class RemoteRawClient
{
    private const int PayloadSize = 4;
    private const int FrameSize = 4 + PayloadSize;

    public static async Task<RoundResult> RunAsync(RemotePingPong.Workload w)
    {
        var (process, _, rawPort) = await RemoteEchoNode.StartAsync(1);
        var sockets = new List<Socket>();
        try
        {
            for (var p = 0; p < w.Pairs; p++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, rawPort));
                sockets.Add(socket);
            }
            var latency = await MeasureLatencyAsync(sockets[0], w.LatencySamples);
            var clock = RoundClock.Start();
            var received = await Task.WhenAll(sockets.Select(s => Task.Run(() => PingPongAsync(s, w.RoundTripsPerPair, w.Inflight))));
            var (elapsed, _) = clock.Stop();
            var correct = received.All(n => n == w.RoundTripsPerPair) && latency.Correct;
            return w.Result(elapsed, correct, FrameSize, latency.Samples);
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
            await RemoteEchoNode.StopAsync(process);
        }
    }

    private static async Task<long> PingPongAsync(Socket socket, long roundTrips, int inflight)
    {
        var frame = new byte[FrameSize];
        BinaryPrimitives.WriteInt32LittleEndian(frame, PayloadSize);
        var outgoing = new byte[Math.Max(inflight, 1) * FrameSize];
        for (var i = 0; i < outgoing.Length; i += FrameSize) frame.CopyTo(outgoing, i);
        var input = new byte[64 * 1024];
        long sent = Math.Min(inflight, roundTrips), received = 0;
        await socket.SendAsync(outgoing.AsMemory(0, (int)sent * FrameSize));
        var partial = 0;
        while (received < roundTrips)
        {
            var read = await socket.ReceiveAsync(input.AsMemory(partial));
            if (read == 0) break;
            var total = partial + read;
            var frames = total / FrameSize;
            partial = total - frames * FrameSize;
            if (partial > 0) Array.Copy(input, frames * FrameSize, input, 0, partial);
            received += frames;
            var refill = (int)Math.Min(frames, roundTrips - sent);
            if (refill > 0)
            {
                await socket.SendAsync(outgoing.AsMemory(0, refill * FrameSize));
                sent += refill;
            }
        }
        return received;
    }

    private static async Task<(long[] Samples, bool Correct)> MeasureLatencyAsync(Socket socket, int count)
    {
        var samples = new long[count];
        var frame = new byte[FrameSize];
        BinaryPrimitives.WriteInt32LittleEndian(frame, PayloadSize);
        var reply = new byte[FrameSize];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await socket.SendAsync(frame);
            var got = 0;
            while (got < FrameSize)
            {
                var read = await socket.ReceiveAsync(reply.AsMemory(got));
                if (read == 0) return (samples, false);
                got += read;
            }
            samples[i] = Stopwatch.GetTimestamp() - started;
        }
        return (samples, true);
    }
}
