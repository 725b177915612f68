using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// The built-in fast path for strings, byte arrays and primitive values: the raw bytes (little-endian) with a
/// one-letter manifest per type. Serializer id 1.
/// </summary>
internal sealed class PrimitiveSerializer : Serializer
{
    public const int Id = 1;

    /// <summary>The types this serializer handles, with their manifests.</summary>
    public static readonly IReadOnlyList<(Type Type, string Manifest)> Bindings =
    [
        (typeof(string), "s"), (typeof(byte[]), "y"), (typeof(int), "i"), (typeof(long), "l"), (typeof(double), "d"),
        (typeof(float), "f"), (typeof(bool), "b"), (typeof(Guid), "g"), (typeof(short), "h"), (typeof(byte), "u"),
        (typeof(char), "c"), (typeof(decimal), "m"), (typeof(uint), "I"), (typeof(ulong), "L"), (typeof(TimeSpan), "t"),
    ];

    public override int Identifier => Id;

    public override void ToBinary(object message, IBufferWriter<byte> output)
    {
        switch (message)
        {
            case string s:
                var count = Encoding.UTF8.GetByteCount(s);
                output.Advance(Encoding.UTF8.GetBytes(s, output.GetSpan(count)));
                break;
            case byte[] bytes: output.Write(bytes); break;
            case int i: BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), i); output.Advance(4); break;
            case long l: output.WriteInt64(l); break;
            case double d: BinaryPrimitives.WriteDoubleLittleEndian(output.GetSpan(8), d); output.Advance(8); break;
            case float f: BinaryPrimitives.WriteSingleLittleEndian(output.GetSpan(4), f); output.Advance(4); break;
            case bool b: output.WriteByte(b ? (byte)1 : (byte)0); break;
            case Guid g: g.TryWriteBytes(output.GetSpan(16)); output.Advance(16); break;
            case short h: BinaryPrimitives.WriteInt16LittleEndian(output.GetSpan(2), h); output.Advance(2); break;
            case byte u: output.WriteByte(u); break;
            case char c: BinaryPrimitives.WriteUInt16LittleEndian(output.GetSpan(2), c); output.Advance(2); break;
            case decimal m:
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(m, bits);
                foreach (var bit in bits) output.WriteInt32(bit);
                break;
            case uint ui: BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), ui); output.Advance(4); break;
            case ulong ul: BinaryPrimitives.WriteUInt64LittleEndian(output.GetSpan(8), ul); output.Advance(8); break;
            case TimeSpan t: output.WriteInt64(t.Ticks); break;
            default: throw new ArgumentException($"{message.GetType()} is not a primitive type.", nameof(message));
        }
    }

    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest) => manifest switch
    {
        "s" => Encoding.UTF8.GetString(bytes),
        "y" => bytes.ToArray(),
        "i" => BinaryPrimitives.ReadInt32LittleEndian(Exactly(bytes, 4)),
        "l" => BinaryPrimitives.ReadInt64LittleEndian(Exactly(bytes, 8)),
        "d" => BinaryPrimitives.ReadDoubleLittleEndian(Exactly(bytes, 8)),
        "f" => BinaryPrimitives.ReadSingleLittleEndian(Exactly(bytes, 4)),
        "b" => Exactly(bytes, 1)[0] != 0,
        "g" => new Guid(Exactly(bytes, 16)),
        "h" => BinaryPrimitives.ReadInt16LittleEndian(Exactly(bytes, 2)),
        "u" => Exactly(bytes, 1)[0],
        "c" => (char)BinaryPrimitives.ReadUInt16LittleEndian(Exactly(bytes, 2)),
        "m" => ReadDecimal(Exactly(bytes, 16)),
        "I" => BinaryPrimitives.ReadUInt32LittleEndian(Exactly(bytes, 4)),
        "L" => BinaryPrimitives.ReadUInt64LittleEndian(Exactly(bytes, 8)),
        "t" => TimeSpan.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(Exactly(bytes, 8))),
        _ => throw new WireFormatException($"Unknown primitive manifest '{manifest}'."),
    };

    private static ReadOnlySpan<byte> Exactly(ReadOnlySpan<byte> bytes, int length) =>
        bytes.Length == length ? bytes : throw new WireFormatException($"A primitive of {length} bytes arrived with {bytes.Length}.");

    private static decimal ReadDecimal(ReadOnlySpan<byte> bytes)
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException($"Malformed decimal: {e.Message}");
        }
    }
}
