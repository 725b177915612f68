using System.Runtime.CompilerServices;
using System.Buffers;
using ActorProc.Cli.Inputs;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Reads the lines that start inside a <see cref="LineRange"/>, in 128 KiB blocks, without ever
/// holding a whole line: a line of any length (10 MB without a newline, or the whole file) streams
/// through the consumer in pieces. A range that starts mid-line skips to the next line start (that
/// line belongs to the range it starts in); a range that lies wholly inside one long line therefore
/// reads only its own bytes and yields nothing. The line that starts last in the range is read to its
/// end even past the range, so every line is read exactly once across a file's ranges.
/// </summary>
internal static class LineRangeReader
{
    private const int BufferSize = 128 * 1024;

    /// <summary>Feeds <paramref name="consumer"/> the lines starting in <paramref name="range"/>.</summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked between blocks).</exception>
    public static void Read(LineRange range, ILineConsumer consumer, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(range.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            Scan(handle, buffer.AsSpan(0, BufferSize), range, consumer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Scan(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, LineRange range, ILineConsumer consumer, CancellationToken cancellationToken)
    {
        // The line that starts at `Start` is ours only if the byte before it is a newline: begin one
        // byte early and skip through the first newline found.
        var state = new ScanState { Skipping = range.Start > 0, AtLineStart = range.Start == 0, Position = Math.Max(0, range.Start - 1) };
        while (true)
        {
            if (state.AtLineStart && state.Position >= range.End) return; // the next line starts in the following range
            if (state.Skipping && state.Position >= range.End) return;    // the whole range lies inside an earlier range's line
            cancellationToken.ThrowIfCancellationRequested();
            var read = RandomAccess.Read(handle, buffer, state.Position);
            if (read == 0)
            {
                if (state.InLine) consumer.EndLine(); // a last line without '\n'
                return;
            }
            if (!ScanBlock(ref state, buffer[..read], range.End, consumer)) return;
            state.Position += read;
        }
    }

    /// <summary>
    /// Splits one block into lines for the consumer; false when the range is done. A method of its own
    /// because it runs once per block (thousands of times per range) while <see cref="Scan"/> runs once
    /// per range: the runtime's tiered compiler optimizes a method by how often it is called, so the hot
    /// loop gets fully optimized (and profile-guided) code after a few blocks instead of never.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanBlock(ref ScanState state, ReadOnlySpan<byte> block, long end, ILineConsumer consumer)
    {
        var i = 0;
        while (i < block.Length)
        {
            if (state.Skipping)
            {
                var newline = block[i..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    return true; // still inside the line an earlier range owns
                }
                if (state.Position + i + newline + 1 >= end) return false; // the next line starts at or past End: not ours
                i += newline + 1;
                state.Skipping = false;
                state.AtLineStart = true;
                continue;
            }
            if (state.AtLineStart)
            {
                if (state.Position + i >= end) return false;
                // Fast path: every line up to the block's last newline starts before End; hand them over in one call.
                var last = block[i..].LastIndexOf((byte)'\n');
                if (last >= 0 && state.Position + i + last < end)
                {
                    consumer.AppendLines(block.Slice(i, last + 1));
                    i += last + 1;
                    continue;
                }
                state.AtLineStart = false;
                state.InLine = true;
            }
            var lineEnd = block[i..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                consumer.Append(block[i..]);
                return true;
            }
            if (lineEnd > 0) consumer.Append(block.Slice(i, lineEnd));
            consumer.EndLine();
            state.InLine = false;
            state.AtLineStart = true;
            i += lineEnd + 1;
        }
        return true;
    }

    /// <summary>Where the scan is: the file offset of the current block, and whether it is skipping a foreign line, at a line start, or inside a line.</summary>
    private struct ScanState
    {
        public long Position;
        public bool Skipping;
        public bool AtLineStart;
        public bool InLine;
    }
}
