using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// Hostile clients of a node's Akka.Remote port, on loopback only and bounded in count and time. Akka's
/// TCP framing is a 4-byte little-endian length, then the frame.
/// </summary>
internal static partial class Attacker
{
    /// <summary>How long an attacker waits for the node to close a connection it should refuse.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A well-framed message whose content is not an Akka protocol message.</summary>
    public static byte[] GarbageFrame(int seed)
    {
        var frame = new byte[4 + 64];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 64);
        new Random(seed).NextBytes(frame.AsSpan(4));
        return frame;
    }

    /// <summary>A length prefix far over <c>maximum-frame-size</c> (2 GiB), and a few bytes of the "frame".</summary>
    public static byte[] OversizedFrameHeader()
    {
        var header = new byte[4 + 16];
        BinaryPrimitives.WriteInt32LittleEndian(header, int.MaxValue - 16);
        return header;
    }

    /// <summary>A negative length prefix: a corrupted stream.</summary>
    public static byte[] NegativeLengthHeader()
    {
        var header = new byte[4 + 16];
        BinaryPrimitives.WriteInt32LittleEndian(header, -1_000_000);
        return header;
    }

    /// <summary>Connects, sends <paramref name="bytes"/>, and returns once the node has closed the connection.</summary>
    /// <exception cref="TimeoutException">The node kept the connection open past <see cref="CloseTimeout"/>.</exception>
    public static async Task SendAndAwaitCloseAsync(int port, byte[] bytes)
    {
        using var client = await ConnectAsync(port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            return; // already closed by the node
        }
        await AwaitClosedAsync(client);
    }

    /// <summary>Opens <paramref name="count"/> connections that never send a byte (bounded: loopback, at most 500).</summary>
    public static async Task<IReadOnlyList<TcpClient>> OpenSilentAsync(int port, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 500);
        var clients = new List<TcpClient>(count);
        for (var i = 0; i < count; i++) clients.Add(await ConnectAsync(port));
        return clients;
    }

    /// <summary>Returns once the node has closed the connection (end of stream or reset).</summary>
    public static async Task AwaitClosedAsync(TcpClient client)
    {
        var buffer = new byte[256];
        try
        {
            while (await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(CloseTimeout) > 0) { }
        }
        catch (IOException)
        {
            // reset by the node: closed as well
        }
    }

    public static async Task<TcpClient> ConnectAsync(int port)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }
}
