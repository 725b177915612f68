using System.Buffers;
using System.Buffers.Binary;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>
/// A growable byte buffer that collects whole frames for one socket write (batching). A frame is opened with
/// <see cref="BeginFrame"/>, its payload is written through <see cref="IBufferWriter{T}"/>, and
/// <see cref="EndFrame"/> patches the length prefix — or <see cref="Truncate"/> drops a frame that failed or is too big.
/// Concurrency contract: owned by one writer loop; not thread-safe.
/// </summary>
internal sealed class FrameBuffer(int initialCapacity = 64 * 1024) : IBufferWriter<byte>
{
    /// <summary>Bytes of the length prefix.</summary>
    public const int HeaderSize = 4;

    private byte[] _buffer = new byte[initialCapacity];
    private int _written;

    public int Length => _written;
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>Starts a frame of <paramref name="type"/>; returns its start, for <see cref="EndFrame"/> or <see cref="Truncate"/>.</summary>
    public int BeginFrame(FrameType type)
    {
        var start = _written;
        GetSpan(HeaderSize + 1);
        _written += HeaderSize;
        _buffer[_written++] = (byte)type;
        return start;
    }

    /// <summary>Completes the frame started at <paramref name="start"/>; returns its size on the wire.</summary>
    public int EndFrame(int start)
    {
        var bodyLength = _written - start - HeaderSize;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(start), bodyLength);
        return _written - start;
    }

    /// <summary>Forgets everything written from <paramref name="position"/> on.</summary>
    public void Truncate(int position) => _written = position;

    public void Clear()
    {
        _written = 0;
        // A burst of huge messages must not pin a huge buffer forever.
        if (_buffer.Length > 4 * initialCapacity) _buffer = new byte[initialCapacity];
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Writes a complete frame with a small payload (handshake, heartbeats).</summary>
    public void WriteFrame(FrameType type, ReadOnlySpan<byte> payload)
    {
        var start = BeginFrame(type);
        this.Write(payload);
        EndFrame(start);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length) return;
        var size = Math.Max(needed, _buffer.Length * 2);
        Array.Resize(ref _buffer, size);
    }
}
