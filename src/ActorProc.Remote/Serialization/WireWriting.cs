using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// Primitive encodings of the wire format on any <see cref="IBufferWriter{T}"/>: little-endian fixed integers,
/// LEB128 variable-length unsigned integers, and strings as a varint byte count followed by UTF-8.
/// </summary>
public static class WireWriting
{
    /// <summary>Writes one byte.</summary>
    public static void WriteByte(this IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>Writes an unsigned integer in 1–10 bytes (7 bits per byte, high bit = more follows).</summary>
    public static void WriteVarUInt(this IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        output.Advance(i);
    }

    /// <summary>Writes a 64-bit integer, little-endian.</summary>
    public static void WriteInt64(this IBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    /// <summary>Writes a 32-bit integer, little-endian.</summary>
    public static void WriteInt32(this IBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    /// <summary>Writes a string as its UTF-8 byte count (varint) and the bytes.</summary>
    public static void WriteString(this IBufferWriter<byte> output, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        output.WriteVarUInt((ulong)count);
        if (count == 0) return;
        var written = Encoding.UTF8.GetBytes(value, output.GetSpan(count));
        output.Advance(written);
    }

    /// <summary>Writes raw bytes preceded by their count (varint).</summary>
    public static void WriteBytes(this IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        output.WriteVarUInt((ulong)bytes.Length);
        output.Write(bytes);
    }
}
