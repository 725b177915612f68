namespace ActorProc.Cli.Tasks;

/// <summary>
/// Base of the line consumers that count keys (ipcount, wordcount). One instance per range task, used
/// by one thread only. Keys are looked up by span (<see cref="KeyTable"/>), so a key that was already
/// seen costs no allocation.
/// </summary>
internal abstract class KeyCounter : ILineConsumer
{
    /// <summary>Count per key.</summary>
    public KeyTable Counts { get; } = new();

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
    protected void Count(ReadOnlySpan<char> key) => Counts.Increment(key);

    /// <summary>True when <paramref name="piece"/> has a byte other than '\r' (so its line is not blank).</summary>
    protected static bool HasContent(ReadOnlySpan<byte> piece) => piece.IndexOfAnyExcept((byte)'\r') >= 0;
}
