using System.Net;
using System.Net.Sockets;

namespace ActorProc.Remote.Transport;

/// <summary>
/// The listening socket and its accept loop; every accepted socket gets its own <see cref="InboundConnection"/>
/// task, so a misbehaving peer only ever affects its own connection.
/// Concurrency contract: started once; the accept loop runs on its own task until shutdown closes the socket.
/// </summary>
internal sealed class TcpListenerLoop : IDisposable
{
    private readonly RemoteActorRefProvider _provider;
    private readonly Socket _socket;

    /// <summary>Binds and listens on <paramref name="host"/>:<paramref name="port"/> (0 = any free port).</summary>
    /// <exception cref="SocketException">The address cannot be bound (e.g. the port is taken).</exception>
    public TcpListenerLoop(RemoteActorRefProvider provider, string host, int port)
    {
        _provider = provider;
        var ip = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host).First();
        _socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(new IPEndPoint(ip, port));
            _socket.Listen(512);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        BoundPort = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    /// <summary>The port actually bound (useful with port 0).</summary>
    public int BoundPort { get; }

    /// <summary>Accepts connections until shutdown.</summary>
    public async Task AcceptLoopAsync(CancellationToken shutdown)
    {
        while (!shutdown.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(shutdown).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // A single failed accept (e.g. the peer reset before we got to it) must not stop the node serving others.
                _provider.Log.Debug("Accept failed: {0}", e.Message);
                continue;
            }
            accepted.NoDelay = true;
            _ = Task.Run(new InboundConnection(_provider, accepted).RunAsync);
        }
    }

    public void Dispose() => _socket.Dispose();
}
