using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Base of the line consumers that count keys (ipcount, wordcount). One instance per range task, used
/// by one thread only. Keys are looked up by span through the dictionary's alternate lookup, so a
/// key that was already seen costs no allocation.
/// </summary>
internal abstract class KeyCounter : ILineConsumer
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    protected KeyCounter() => _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Count per key.</summary>
    public Dictionary<string, long> Counts => _counts;

    /// <summary>Non-blank lines seen (a blank line is empty, or only "\r").</summary>
    public long Lines { get; protected set; }

    /// <summary>Non-blank lines that had no key.</summary>
    public long Skipped { get; protected set; }

    /// <inheritdoc />
    public abstract void Append(ReadOnlySpan<byte> piece);

    /// <inheritdoc />
    public abstract void EndLine();

    /// <inheritdoc />
    public virtual void AppendLines(ReadOnlySpan<byte> lines) => ILineConsumer.OneByOne(this, lines);

    /// <summary>Adds one to the count of <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void Count(ReadOnlySpan<char> key)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, key, out _);
        count++;
    }

    /// <summary>True when <paramref name="piece"/> has a byte other than '\r' (so its line is not blank).</summary>
    protected static bool HasContent(ReadOnlySpan<byte> piece) => piece.IndexOfAnyExcept((byte)'\r') >= 0;
}
