namespace ActorProc.Cli.Tasks;

/// <summary>
/// Receives the lines of a byte range from <see cref="LineRangeReader"/>: each line arrives as one
/// or more <see cref="Append"/> calls (a line longer than the read buffer arrives in pieces), then
/// one <see cref="EndLine"/>. The '\n' is not included; a '\r' before it is.
/// </summary>
internal interface ILineConsumer
{
    /// <summary>The next piece of the current line.</summary>
    void Append(ReadOnlySpan<byte> piece);

    /// <summary>The current line is complete (also called for empty lines and for a last line without '\n').</summary>
    void EndLine();

    /// <summary>
    /// Whole lines at once, each ending with '\n', given when the reader is at a line start: the same as
    /// <see cref="Append"/> and <see cref="EndLine"/> for each line (see <see cref="OneByOne"/>), which a
    /// consumer may do with a tighter loop.
    /// </summary>
    void AppendLines(ReadOnlySpan<byte> lines);

    /// <summary>Feeds whole lines to <paramref name="consumer"/> one by one: the plain way to implement <see cref="AppendLines"/>.</summary>
    static void OneByOne(ILineConsumer consumer, ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf((byte)'\n');
            if (end > 0) consumer.Append(lines[..end]);
            consumer.EndLine();
            lines = lines[(end + 1)..];
        }
    }
}
