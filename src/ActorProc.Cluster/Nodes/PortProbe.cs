using System.Net;
using System.Net.Sockets;
using Akka.Configuration;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// Refuses to start a node on an address where something already listens. Akka.Remote binds with
/// address reuse on Linux, which .NET maps to SO_REUSEADDR <i>and</i> SO_REUSEPORT: a second node
/// on the same port then binds successfully, the kernel splits new connections between the two
/// processes, and two clusters answer on one address (seen here: a submitted job acknowledged by the
/// other cluster, on another journal). The probe binds with SO_REUSEADDR only, which on Linux still
/// succeeds over connections in TIME_WAIT (a node restarted on its port right after a crash) but fails
/// while another socket listens there.
/// </summary>
internal static class PortProbe
{
    // Linux: SOL_SOCKET = 1, SO_REUSEADDR = 2; macOS/BSD: SOL_SOCKET = 0xffff, SO_REUSEADDR = 4.
    private const int LinuxSolSocket = 1, LinuxReuseAddress = 2, BsdSolSocket = 0xffff, BsdReuseAddress = 4;

    /// <summary>Throws when the node's remoting address (from <paramref name="config"/>) is already taken.</summary>
    /// <exception cref="ArgumentException">Another process listens on the node's host and port.</exception>
    public static void EnsureFree(Config config)
    {
        var port = config.GetInt("akka.remote.dot-netty.tcp.port");
        if (port == 0) return; // any free port
        var host = config.GetString("akka.remote.dot-netty.tcp.hostname");
        foreach (var address in BindAddresses(host))
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            AllowTimeWait(socket);
            try
            {
                socket.Bind(new IPEndPoint(address, port));
                socket.Listen(1);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new ArgumentException(
                    $"Port {port} on {host} is already in use by another process (another node, or anything else listening there); choose another --port.", "Port", e);
            }
        }
    }

    private static IEnumerable<IPAddress> BindAddresses(string host)
    {
        if (string.IsNullOrWhiteSpace(host)) return [IPAddress.Any];
        if (IPAddress.TryParse(host, out var ip)) return [ip];
        try
        {
            return Dns.GetHostAddresses(host).Take(1);
        }
        catch (SocketException)
        {
            return []; // Akka reports an unresolvable host itself, with its own message
        }
    }

    private static void AllowTimeWait(Socket socket)
    {
        if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(LinuxSolSocket, LinuxReuseAddress, BitConverter.GetBytes(1));
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) socket.SetRawSocketOption(BsdSolSocket, BsdReuseAddress, BitConverter.GetBytes(1));
        else socket.ExclusiveAddressUse = true; // Windows: exclusive use fails on any other listener
    }
}
