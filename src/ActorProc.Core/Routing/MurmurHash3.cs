using System.Buffers.Binary;
using System.Numerics;

namespace ActorProc.Core.Routing;

/// <summary>
/// The 32-bit x86 variant of MurmurHash3: fast, well mixed and, unlike <see cref="string.GetHashCode()"/>, the
/// same in every process, which consistent hashing needs. Pure functions, thread-safe.
/// </summary>
internal static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>Hash of <paramref name="data"/>.</summary>
    public static uint Hash(ReadOnlySpan<byte> data, uint seed = 0)
    {
        var h = seed;
        var blockBytes = data.Length & ~3;
        for (var i = 0; i < blockBytes; i += 4)
            h = MixBlock(h, BinaryPrimitives.ReadUInt32LittleEndian(data[i..]));
        var tail = data[blockBytes..];
        if (tail.Length > 0)
        {
            uint k = tail[0];
            if (tail.Length > 1) k |= (uint)tail[1] << 8;
            if (tail.Length > 2) k |= (uint)tail[2] << 16;
            h ^= MixKey(k);
        }
        return Finish(h, (uint)data.Length);
    }

    /// <summary>
    /// Hash of the UTF-16 little-endian bytes of <paramref name="text"/>, computed from the chars directly (two
    /// chars make one 4-byte block), so it needs no buffer and does not depend on the machine's byte order.
    /// </summary>
    public static uint Hash(ReadOnlySpan<char> text, uint seed = 0)
    {
        var h = seed;
        var pairs = text.Length & ~1;
        for (var i = 0; i < pairs; i += 2)
            h = MixBlock(h, text[i] | ((uint)text[i + 1] << 16));
        if ((text.Length & 1) != 0) h ^= MixKey(text[^1]);
        return Finish(h, (uint)text.Length * 2);
    }

    private static uint MixKey(uint k)
    {
        k *= C1;
        k = BitOperations.RotateLeft(k, 15);
        return k * C2;
    }

    private static uint MixBlock(uint h, uint k)
    {
        h ^= MixKey(k);
        h = BitOperations.RotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    /// <summary>Folds in the length and avalanches the bits (the "fmix" step).</summary>
    private static uint Finish(uint h, uint length)
    {
        h ^= length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
