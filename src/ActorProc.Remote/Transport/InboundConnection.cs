using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using ActorProc.Core.Actors;
using ActorProc.Remote.Handshake;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>
/// One accepted connection: TLS (when configured), the server handshake within <c>handshake-timeout</c>, then a
/// reader loop that decodes frames in order and delivers them locally, answering heartbeats on the same socket.
/// Any protocol violation (garbage, oversized frame, unknown frame type) closes this connection only, with a log line.
/// Concurrency contract: one task per connection; it alone reads and writes its stream.
/// </summary>
internal sealed class InboundConnection(RemoteActorRefProvider provider, Socket socket)
{
    private readonly string _peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";

    public async Task RunAsync()
    {
        var shutdown = provider.ShutdownToken;
        Stream? stream = null;
        Address? remote = null;
        try
        {
            using var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            handshakeTimeout.CancelAfter(provider.Settings.HandshakeTimeout);
            PipeReader reader;
            long remoteUid;
            Address dialed;
            try
            {
                stream = await provider.Streams.AcceptAsync(socket, handshakeTimeout.Token).ConfigureAwait(false);
                reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
                (remote, remoteUid, dialed) = await ServerHandshake.RunAsync(provider, stream, reader, handshakeTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!shutdown.IsCancellationRequested)
            {
                throw new HandshakeException($"no handshake within {provider.Settings.HandshakeTimeout} (actorproc.remote.handshake-timeout)");
            }
            catch (WireFormatException e)
            {
                throw new HandshakeException($"malformed handshake: {e.Message}");
            }
            provider.OnHandshake(remote, remoteUid);
            provider.Log.Debug("Accepted connection from {0} ({1}, incarnation {2})", remote, _peer, remoteUid);
            await ReadLoopAsync(stream, reader, remote, remoteUid, dialed, shutdown).ConfigureAwait(false);
        }
        catch (HandshakeException e)
        {
            provider.Log.Warning("Rejected connection from {0}: {1}", _peer, e.Message);
        }
        catch (WireFormatException e)
        {
            provider.Log.Warning("Closed connection from {0} ({1}): malformed data: {2}", remote?.ToString() ?? "unauthenticated peer", _peer, e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            provider.Log.Debug("Connection from {0} closed: {1}", remote?.ToString() ?? _peer, e.Message);
        }
        catch (Exception e)
        {
            provider.Log.Error(e, "Connection from {0} failed unexpectedly", remote?.ToString() ?? _peer);
        }
        finally
        {
            if (stream is not null) await stream.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
        }
    }

    private async Task ReadLoopAsync(Stream stream, PipeReader reader, Address remote, long remoteUid, Address dialed, CancellationToken shutdown)
    {
        var decoder = new InboundDecoder(provider, provider.InboundSequenceOf(remote, remoteUid, dialed));
        var control = new FrameBuffer(64);
        var maxFrame = provider.Settings.MaximumFrameSize;
        while (true)
        {
            var result = await reader.ReadAsync(shutdown).ConfigureAwait(false);
            var buffer = result.Buffer;
            var heartbeats = 0;
            // A quarantined incarnation is never talked to again: close its connection.
            if (provider.IsQuarantined(remote, remoteUid))
            {
                reader.AdvanceTo(buffer.End);
                provider.Log.Debug("Closed connection from quarantined {0} incarnation {1}", remote, remoteUid);
                return;
            }
            try
            {
                // Blackholed traffic is decoded (to keep the tables in step) but neither delivered nor answered.
                var deliver = !provider.Faults.IsBlackholed(remote);
                while (FrameParser.TryRead(ref buffer, maxFrame, out var type, out var payload))
                {
                    if (type == FrameType.Heartbeat)
                    {
                        if (deliver) heartbeats++;
                    }
                    else if (payload.IsSingleSegment) decoder.Handle(type, payload.FirstSpan, deliver);
                    else HandleCopied(decoder, type, payload, deliver);
                }
            }
            finally
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
            // Control replies for the whole batch go out in one write: at most one heartbeat ack and one system ack.
            if (heartbeats > 0)
            {
                var start = control.BeginFrame(FrameType.HeartbeatAck);
                control.WriteInt64(provider.Uid);
                control.EndFrame(start);
            }
            if (decoder.TakeSystemAck() is { } acked)
            {
                var start = control.BeginFrame(FrameType.SystemAck);
                control.WriteVarUInt((ulong)acked);
                control.EndFrame(start);
            }
            if (control.Length > 0)
            {
                await stream.WriteAsync(control.WrittenMemory, shutdown).ConfigureAwait(false);
                await stream.FlushAsync(shutdown).ConfigureAwait(false);
                control.Clear();
            }
            if (result.IsCompleted) return;
        }
    }

    private static void HandleCopied(InboundDecoder decoder, FrameType type, ReadOnlySequence<byte> payload, bool deliver)
    {
        var length = (int)payload.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            decoder.Handle(type, rented.AsSpan(0, length), deliver);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
