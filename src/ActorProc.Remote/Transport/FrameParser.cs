using System.Buffers;
using System.Buffers.Binary;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>Cuts length-prefixed frames out of the bytes received so far.</summary>
internal static class FrameParser
{
    /// <summary>
    /// Takes the next complete frame from the front of <paramref name="buffer"/>; false when it has not fully arrived.
    /// </summary>
    /// <exception cref="WireFormatException">The announced length is zero, negative or above <paramref name="maxFrameSize"/>.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, long maxFrameSize, out FrameType type, out ReadOnlySequence<byte> payload)
    {
        type = default;
        payload = default;
        if (buffer.Length < FrameBuffer.HeaderSize) return false;
        Span<byte> header = stackalloc byte[FrameBuffer.HeaderSize];
        buffer.Slice(0, FrameBuffer.HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 1 || length > maxFrameSize)
            throw new WireFormatException($"frame length {length} is outside 1..{maxFrameSize} bytes (handshake frames are at most {Handshake.HandshakeMessages.MaxFrameSize}, others at most actorproc.remote.maximum-frame-size)");
        if (buffer.Length < FrameBuffer.HeaderSize + length) return false;
        var frame = buffer.Slice(FrameBuffer.HeaderSize, length);
        type = (FrameType)frame.FirstSpan[0];
        payload = frame.Slice(1);
        buffer = buffer.Slice(FrameBuffer.HeaderSize + length);
        return true;
    }
}
