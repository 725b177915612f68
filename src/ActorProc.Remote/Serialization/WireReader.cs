using System.Buffers.Binary;
using System.Text;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// Reads the encodings of <see cref="WireWriting"/> from a span. Every read checks the remaining length, so
/// truncated or hostile input throws <see cref="WireFormatException"/> instead of reading out of bounds.
/// </summary>
public ref struct WireReader
{
    // Throws on invalid UTF-8 instead of replacing it, so malformed input is reported, not silently altered.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>A reader positioned at the start of <paramref name="data"/>.</summary>
    public WireReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>The bytes not read yet (does not move the position).</summary>
    public readonly ReadOnlySpan<byte> Rest => _data[_position..];

    /// <summary>Reads one byte.</summary>
    /// <exception cref="WireFormatException">No byte is left.</exception>
    public byte ReadByte() => Take(1)[0];

    /// <summary>Reads a varint written by <see cref="WireWriting.WriteVarUInt"/>.</summary>
    /// <exception cref="WireFormatException">Truncated, or longer than 10 bytes.</exception>
    public ulong ReadVarUInt()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new WireFormatException("A variable-length integer is longer than 10 bytes.");
    }

    /// <summary>Reads a varint that must fit a non-negative int no larger than <paramref name="max"/>.</summary>
    /// <exception cref="WireFormatException">Out of range.</exception>
    public int ReadLength(int max)
    {
        var value = ReadVarUInt();
        return value <= (ulong)max ? (int)value : throw new WireFormatException($"Length {value} exceeds the limit {max}.");
    }

    /// <summary>Reads a little-endian 64-bit integer.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>Reads a little-endian 32-bit integer.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads a string written by <see cref="WireWriting.WriteString"/>.</summary>
    /// <exception cref="WireFormatException">Truncated or not valid UTF-8.</exception>
    public string ReadString()
    {
        var bytes = Take(ReadLength(Remaining));
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException($"A string is not valid UTF-8: {e.Message}");
        }
    }

    /// <summary>Reads bytes written by <see cref="WireWriting.WriteBytes"/>.</summary>
    public ReadOnlySpan<byte> ReadBytes() => Take(ReadLength(Remaining));

    /// <summary>Reads exactly <paramref name="count"/> raw bytes.</summary>
    /// <exception cref="WireFormatException">Fewer are left.</exception>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
            throw new WireFormatException($"Truncated input: {count} bytes expected, {Remaining} left.");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
