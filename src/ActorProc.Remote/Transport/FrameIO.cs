using System.Buffers;
using System.IO.Pipelines;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>Reading single frames from a pipe and writing small frames to a stream (handshake and control traffic).</summary>
internal static class FrameIO
{
    /// <summary>Reads the next frame (payload copied); null when the peer closed the connection first.</summary>
    /// <exception cref="WireFormatException">The frame is larger than <paramref name="maxFrameSize"/>.</exception>
    public static async ValueTask<(FrameType Type, byte[] Payload)?> ReadFrameAsync(PipeReader reader, long maxFrameSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool complete;
            FrameType type;
            ReadOnlySequence<byte> payload;
            try
            {
                complete = FrameParser.TryRead(ref buffer, maxFrameSize, out type, out payload);
            }
            catch
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw;
            }
            if (complete)
            {
                var bytes = payload.ToArray();
                reader.AdvanceTo(buffer.Start);
                return (type, bytes);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled) return null;
        }
    }

    /// <summary>Writes one frame whose payload <paramref name="write"/> produces.</summary>
    public static async ValueTask WriteFrameAsync<TState>(Stream stream, FrameType type, TState state, Action<IBufferWriter<byte>, TState> write, CancellationToken cancellationToken)
    {
        var buffer = new FrameBuffer(256);
        var start = buffer.BeginFrame(type);
        write(buffer, state);
        buffer.EndFrame(start);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one frame with an empty payload.</summary>
    public static ValueTask WriteEmptyFrameAsync(Stream stream, FrameType type, CancellationToken cancellationToken) =>
        WriteFrameAsync(stream, type, 0, static (_, _) => { }, cancellationToken);
}
