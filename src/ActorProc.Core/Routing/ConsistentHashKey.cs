using System.Globalization;

namespace ActorProc.Core.Routing;

/// <summary>
/// Turns a consistent-hashing key into a stable 32-bit hash: a <c>byte[]</c> by its bytes, anything else by its
/// invariant-culture string form (so <c>42</c> and <c>"42"</c> hash alike). Numbers, Guids, dates and enums are
/// formatted into a stack buffer, so hashing them allocates nothing. Pure functions, thread-safe.
/// </summary>
internal static class ConsistentHashKey
{
    public static uint Hash(object key) => key switch
    {
        string text => MurmurHash3.Hash(text.AsSpan()),
        byte[] bytes => MurmurHash3.Hash(bytes),
        ISpanFormattable formattable => HashFormattable(formattable),
        IFormattable formattable => MurmurHash3.Hash(formattable.ToString(null, CultureInfo.InvariantCulture).AsSpan()),
        _ => MurmurHash3.Hash((key.ToString() ?? "").AsSpan()),
    };

    private static uint HashFormattable(ISpanFormattable key)
    {
        Span<char> buffer = stackalloc char[64];
        return key.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture)
            ? MurmurHash3.Hash(buffer[..written])
            : MurmurHash3.Hash(key.ToString(null, CultureInfo.InvariantCulture).AsSpan());
    }
}
