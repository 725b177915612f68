using System.Net.Sockets;
using ActorProc.Remote.Handshake;

namespace ActorProc.Remote.Transport;

internal sealed partial class Association
{
    /// <summary>
    /// The writer loop: connect and handshake, then drain the queue into batched socket writes until the
    /// connection breaks; reconnect with exponential backoff; stop at shutdown (dropping what is left to dead letters).
    /// </summary>
    private async Task RunAsync()
    {
        var backoff = _provider.Settings.ReconnectMinBackoff;
        var failures = 0;
        var shutdown = _provider.ShutdownToken;
        while (!shutdown.IsCancellationRequested)
        {
            try
            {
                if (_provider.Faults.IsBlackholed(RemoteAddress))
                {
                    // A blackholed node is not even connected to: what is queued is lost, as on a dead network.
                    // The backoff stays short so traffic resumes promptly once the blackhole is cleared.
                    DrainToDeadLetters("blackholed by fault injection", silently: true, keepSystemMessages: true);
                    backoff = _provider.Settings.ReconnectMinBackoff;
                }
                else
                {
                    await using var connection = await OutboundConnection.ConnectAsync(_provider, RemoteAddress, shutdown).ConfigureAwait(false);
                    if (failures > 0) _provider.Log.Info("Reconnected to {0} after {1} failed attempt(s)", RemoteAddress, failures);
                    failures = 0;
                    backoff = _provider.Settings.ReconnectMinBackoff;
                    try
                    {
                        await WriteLoopAsync(connection).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is OperationCanceledException or IOException && connection.Token.IsCancellationRequested && !shutdown.IsCancellationRequested)
                    {
                        // The peer closed the connection (e.g. it is shutting down): not a failure; reconnect when there is work.
                        _provider.Log.Debug("Connection to {0} closed by the peer", RemoteAddress);
                    }
                    finally
                    {
                        // Whatever the broken connection held is lost (at-most-once); it no longer counts as being written.
                        Volatile.Write(ref _writing, 0);
                    }
                }
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                var reason = e is HandshakeException or SocketException or IOException or OperationCanceledException ? e.Message : e.ToString();
                if (failures == 1) _provider.Log.Warning("Connection to {0} failed: {1}; retrying with backoff", RemoteAddress, reason);
                else _provider.Log.Debug("Connection to {0} failed again ({1} attempts): {2}", RemoteAddress, failures, reason);
                if (e is HandshakeException) DrainToDeadLetters($"handshake with {RemoteAddress} failed: {e.Message}", silently: false);
            }
            if (Interlocked.Exchange(ref _dropReason, null) is { } dropReason) DrainToDeadLetters(dropReason, silently: false);
            try
            {
                await WaitForWorkAsync(backoff, shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _provider.Settings.ReconnectMaxBackoff.Ticks));
        }
        DrainToDeadLetters("remoting is shut down", silently: true);
    }

    /// <summary>Sleeps the backoff, then (re)connects only when there is something to send.</summary>
    private async Task WaitForWorkAsync(TimeSpan backoff, CancellationToken shutdown)
    {
        await Task.Delay(backoff, _provider.System.TimeProvider, shutdown).ConfigureAwait(false);
        while (_queue.Count == 0 && Volatile.Read(ref _heartbeatPending) == 0 && Volatile.Read(ref _resendPending) == 0)
            await _queue.WaitAsync(shutdown).ConfigureAwait(false);
    }

    /// <summary>Drains the queue into the connection, many frames per write under load, one write as soon as it runs dry.</summary>
    private async Task WriteLoopAsync(OutboundConnection connection)
    {
        var buffer = new FrameBuffer();
        var encoder = new OutboundEncoder(_provider, _provider.Settings.MaximumFrameSize);
        var batchSize = _provider.Settings.WriteBatchSize;
        var token = connection.Token;
        // A new connection first repeats what the node has not acknowledged (it may have been lost with the old one).
        ResendSystemMessages(encoder, buffer);
        while (true)
        {
            if (Interlocked.Exchange(ref _dropReason, null) is { } dropReason) DrainToDeadLetters(dropReason, silently: false);
            var fault = _provider.Faults.RuleFor(RemoteAddress);
            if (fault is { Blackhole: true }) return; // the loop above drops and stops connecting while blackholed
            if (Interlocked.Exchange(ref _heartbeatPending, 0) == 1) buffer.WriteFrame(FrameType.Heartbeat, ReadOnlySpan<byte>.Empty);
            if (Interlocked.Exchange(ref _resendPending, 0) == 1 && _systemMessages.IsStalled(_provider.Settings.SystemMessageResendInterval))
                ResendSystemMessages(encoder, buffer);
            Volatile.Write(ref _writing, 1);
            while (buffer.Length < batchSize && _queue.TryDequeue(out var envelope))
            {
                long seq = 0;
                if (envelope.Kind is FrameType.SystemMessage or FrameType.Deploy && !TryNumber(envelope, out seq)) continue;
                // A dropped system message stays numbered and unacknowledged, so the resend repairs the loss.
                if (fault is not null && fault.ShouldDrop()) continue;
                if (!encoder.Encode(buffer, envelope, seq))
                {
                    if (seq != 0) _systemMessages.Retract(seq);
                    continue;
                }
                if (fault is not null && fault.ShouldDuplicate()) encoder.Encode(buffer, envelope, seq);
            }
            if (buffer.Length > 0)
            {
                if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
                    await Task.Delay(delay, _provider.System.TimeProvider, token).ConfigureAwait(false);
                await connection.Stream.WriteAsync(buffer.WrittenMemory, token).ConfigureAwait(false);
                _provider.CountWritten(buffer.Length);
                await connection.Stream.FlushAsync(token).ConfigureAwait(false);
                buffer.Clear();
                Volatile.Write(ref _writing, 0);
                continue;
            }
            Volatile.Write(ref _writing, 0);
            await _queue.WaitAsync(token).ConfigureAwait(false);
        }
    }

    /// <summary>Numbers a system message and keeps it until acknowledged; a full buffer means the node stopped acking.</summary>
    private bool TryNumber(in OutboundEnvelope envelope, out long seq)
    {
        if (_systemMessages.TryAdd(envelope, out seq)) return true;
        _provider.DropOutbound(envelope, "system message buffer full");
        _provider.Log.Error("{0} acknowledged none of the last {1} system messages (actorproc.remote.system-message-buffer-size); treating it as unreachable", RemoteAddress, _provider.Settings.SystemMessageBufferSize);
        _provider.OnUnreachable(RemoteAddress, "system message buffer overflow");
        return false;
    }

    /// <summary>Sends the unacknowledged system messages again, in order (subject to injected faults, like any traffic).</summary>
    private void ResendSystemMessages(OutboundEncoder encoder, FrameBuffer buffer)
    {
        var fault = _provider.Faults.RuleFor(RemoteAddress);
        foreach (var (seq, envelope) in _systemMessages.TakeSnapshotForResend())
            if (fault is null || !fault.ShouldDrop()) encoder.Encode(buffer, envelope, seq);
    }

    /// <summary>
    /// Drops what is queued. User messages go to dead letters; while the node is only blackholed, system messages are
    /// numbered and kept instead, so they are delivered once the blackhole clears (unless the node is declared unreachable first).
    /// </summary>
    private void DrainToDeadLetters(string reason, bool silently, bool keepSystemMessages = false)
    {
        var count = 0;
        while (_queue.TryDequeue(out var envelope))
        {
            count++;
            if (keepSystemMessages && envelope.Kind is FrameType.SystemMessage or FrameType.Deploy && TryNumber(envelope, out _)) continue;
            _provider.DropOutbound(envelope, reason);
        }
        if (count > 0 && !silently) _provider.Log.Warning("Dropped {0} queued message(s) to {1} to dead letters: {2}", count, RemoteAddress, reason);
    }
}
