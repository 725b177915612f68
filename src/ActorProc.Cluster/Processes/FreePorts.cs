using System.Net;
using System.Net.Sockets;

namespace ActorProc.Cluster.Processes;

/// <summary>Free TCP ports on loopback for node processes.</summary>
public static class FreePorts
{
    /// <summary>
    /// A port that was free on 127.0.0.1 a moment ago (the kernel's pick for an ephemeral bind). Another
    /// process may take it before the node binds it; the node then refuses to start with a clear message.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
