using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Remote;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The far side of <c>remote-pingpong</c>, run in a second process: an ActorProc node with echo actors
/// (<c>/user/echo-0</c> … <c>echo-{P-1}</c>) and a raw length-prefixed socket echo server (the baseline's floor).
/// <see cref="Program"/> starts it when the first argument is <see cref="Argument"/>; it prints its addresses and
/// serves until its standard input closes.
/// </summary>
internal static class RemoteEchoNode
{
    /// <summary>First argument that turns the bench program into the echo node.</summary>
    public const string Argument = "--remote-echo-node";

    public const string Secret = "actorproc-bench-secret";

    /// <summary>True when this process was started as the echo node.</summary>
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Argument;

    /// <summary>Runs the echo node (args: <see cref="Argument"/> pairs) until stdin closes.</summary>
    public static int Run(string[] args)
    {
        var pairs = args.Length > 1 ? int.Parse(args[1]) : 1;
        return RunAsync(pairs).GetAwaiter().GetResult(); // the process's only work: blocking Main is fine here
    }

    private static async Task<int> RunAsync(int pairs)
    {
        var config = Config.Parse($$"""
            actorproc.log-dead-letters = off
            actorproc.loglevel = WARNING
            actorproc.remote { hostname = "127.0.0.1", port = 0, secret = "{{Secret}}", send-queue-size = 1000000 }
            """);
        await using var system = ActorSystem.Create("bench", config);
        var remoting = system.UseRemoting();
        for (var i = 0; i < pairs; i++) system.ActorOf(Props.Create(() => new EchoActor()), $"echo-{i}");
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        raw.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        raw.Listen(64);
        using var stop = new CancellationTokenSource();
        var rawServer = ServeRawAsync(raw, stop.Token);
        Console.Error.WriteLine($"ADDRESS {remoting.Address}");
        Console.Error.WriteLine($"RAW {((IPEndPoint)raw.LocalEndPoint!).Port}");
        await Task.Run(() => Console.In.ReadToEnd());
        stop.Cancel();
        raw.Close();
        await rawServer.ContinueWith(_ => 0);
        return 0;
    }

    /// <summary>Starts the echo node process and reads its addresses.</summary>
    public static async Task<(Process Process, Address Node, int RawPort)> StartAsync(int pairs)
    {
        var start = new ProcessStartInfo { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true };
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's executable");
        start.FileName = processPath;
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(RemoteEchoNode).Assembly.Location);
        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(pairs.ToString());
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the echo node");
        Address? node = null;
        int? rawPort = null;
        while (node is null || rawPort is null)
        {
            var line = await process.StandardError.ReadLineAsync() ?? throw new InvalidOperationException("the echo node exited before printing its addresses");
            if (line.StartsWith("ADDRESS ", StringComparison.Ordinal)) node = ActorPath.Parse(line[8..]).Address;
            else if (line.StartsWith("RAW ", StringComparison.Ordinal)) rawPort = int.Parse(line[4..]);
        }
        _ = process.StandardError.ReadToEndAsync(); // keep draining so the node never blocks on a full pipe
        return (process, node, rawPort.Value);
    }

    /// <summary>Closes the node's stdin (it then shuts down) and waits for it.</summary>
    public static async Task StopAsync(Process process)
    {
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }

    private static async Task ServeRawAsync(Socket listener, CancellationToken stop)
    {
        var connections = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptAsync(stop);
                socket.NoDelay = true;
                connections.Add(Task.Run(() => EchoFramesAsync(socket, stop)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        await Task.WhenAll(connections).ContinueWith(_ => 0);
    }

    /// <summary>Reads length-prefixed frames and writes every complete frame of a read back in one write.</summary>
    private static async Task EchoFramesAsync(Socket socket, CancellationToken stop)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        var header = new byte[4];
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(stop);
                var buffer = result.Buffer;
                while (buffer.Length >= 4)
                {
                    buffer.Slice(0, 4).CopyTo(header);
                    var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                    if (buffer.Length < 4 + length) break;
                    foreach (var segment in buffer.Slice(0, 4 + length)) output.Write(segment.Span);
                    buffer = buffer.Slice(4 + length);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (output.WrittenCount > 0)
                {
                    await stream.WriteAsync(output.WrittenMemory, stop);
                    output.Clear();
                }
                if (result.IsCompleted) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    /// <summary>Replies to every message with the same message.</summary>
    private sealed class EchoActor : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
