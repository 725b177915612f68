using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using ActorProc.Core.Actors;
using ActorProc.Remote.Handshake;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>
/// One authenticated outbound TCP connection to a remote node. The association's writer loop writes message
/// frames to <see cref="Stream"/>; a small reader task here reads the server's control frames (heartbeat and system-message acks)
/// and cancels <see cref="Token"/> when the connection closes, which stops the writer.
/// Concurrency contract: writes from the writer loop only, reads from the control reader only; disposal once.
/// </summary>
internal sealed class OutboundConnection : IAsyncDisposable
{
    private readonly RemoteActorRefProvider _provider;
    private readonly Address _remote;
    private readonly CancellationTokenSource _closed;
    private readonly PipeReader _reader;
    private Task _controlReader = Task.CompletedTask;

    private OutboundConnection(RemoteActorRefProvider provider, Address remote, Stream stream, PipeReader reader, CancellationToken shutdown)
    {
        _provider = provider;
        _remote = remote;
        Stream = stream;
        _reader = reader;
        _closed = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
    }

    public Stream Stream { get; }

    /// <summary>Cancelled when the connection closed or remoting shuts down.</summary>
    public CancellationToken Token => _closed.Token;

    /// <summary>Connects to <paramref name="remote"/>, wraps TLS when configured and runs the client handshake.</summary>
    /// <exception cref="HandshakeException">The server failed or refused the handshake.</exception>
    /// <exception cref="SocketException">The node cannot be reached.</exception>
    public static async Task<OutboundConnection> ConnectAsync(RemoteActorRefProvider provider, Address remote, CancellationToken shutdown)
    {
        var settings = provider.Settings;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown))
            {
                connectTimeout.CancelAfter(settings.ConnectTimeout);
                await socket.ConnectAsync(remote.Host!, remote.Port ?? 0, connectTimeout.Token).ConfigureAwait(false);
            }
            using var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            handshakeTimeout.CancelAfter(settings.HandshakeTimeout);
            stream = await provider.Streams.ConnectAsync(socket, remote.Host!, handshakeTimeout.Token).ConfigureAwait(false);
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            var (_, serverUid) = await ClientHandshake.RunAsync(provider, stream, reader, remote, handshakeTimeout.Token).ConfigureAwait(false);
            provider.OnHandshake(remote, serverUid);
            // Keyed by the address we dialed (not the one the server states), so heartbeat acks count for the node we watch.
            var connection = new OutboundConnection(provider, remote, stream, reader, shutdown);
            connection._controlReader = connection.ReadControlFramesAsync();
            return connection;
        }
        catch (OperationCanceledException) when (!shutdown.IsCancellationRequested)
        {
            Dispose(stream, socket);
            throw new HandshakeException($"no connection and handshake with {remote} within the configured timeouts");
        }
        catch
        {
            Dispose(stream, socket);
            throw;
        }
    }

    private async Task ReadControlFramesAsync()
    {
        try
        {
            while (await FrameIO.ReadFrameAsync(_reader, HandshakeMessages.MaxFrameSize, _closed.Token).ConfigureAwait(false) is { } frame)
            {
                if (_provider.Faults.IsBlackholed(_remote)) continue;
                if (frame.Type == FrameType.HeartbeatAck) _provider.Watcher.HeartbeatReceived(_remote);
                else if (frame.Type == FrameType.SystemAck) _provider.AssociationFor(_remote).AckSystemMessages((long)new WireReader(frame.Payload).ReadVarUInt());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or WireFormatException or ObjectDisposedException)
        {
            // The connection is gone either way; the writer loop reconnects if there is more to send.
        }
        finally
        {
            _closed.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closed.Cancel();
        await _reader.CompleteAsync().ConfigureAwait(false);
        await Stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _controlReader.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _provider.Log.Debug("Control reader of {0} ended with {1}", _remote, e.Message);
        }
        _closed.Dispose();
    }

    private static void Dispose(Stream? stream, Socket socket)
    {
        stream?.Dispose();
        socket.Dispose();
    }
}
