using ActorProc.Cli.Output;

namespace ActorProc.Cli.Inputs;

/// <summary>A byte range of a file whose lines one task reads: the lines that <em>start</em> in [Start, End).</summary>
/// <param name="File">Index of the file in the run's input list.</param>
/// <param name="Path">The file's path as given.</param>
/// <param name="Start">First byte of the range.</param>
/// <param name="End">One past the last byte of the range.</param>
internal sealed record LineRange(int File, string Path, long Start, long End)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path} [bytes {Start}-{End})";
}

/// <summary>
/// Splits text files into byte ranges, one task each, so that big logs are read in parallel without a
/// first pass over their bytes: a range owns the lines that start inside it, and its reader finds the
/// first line start itself (see <see cref="Tasks.LineRangeReader"/>). The default range size is the
/// total size over 4 ranges per worker, clamped to [<see cref="AutoMin"/>, <see cref="AutoMax"/>] =
/// [1 MiB, 128 MiB]: enough ranges to balance the workers, few enough that each range's table of keys
/// (every range meets most of the keys again, and the tables are merged) stays a small part of the work.
/// <c>--chunk-size</c> may set any size in [<see cref="Min"/>, <see cref="Max"/>] = [16 KiB, 1 GiB].
/// </summary>
/// <remarks>
/// Why a floor: every range costs a task, a table of keys and a message, whatever its size. With
/// 1-byte ranges a 500 MB log became 500 million tasks (24 GB before it was killed). The ranges are
/// also produced lazily, so the job's in-flight window, not the file size, bounds how many exist at once.
/// </remarks>
internal static class LinePlan
{
    /// <summary>Smallest and largest size <c>--chunk-size</c> accepts.</summary>
    public const long Min = 16L << 10, Max = 1L << 30;

    /// <summary>Bounds of the automatic size.</summary>
    public const long AutoMin = 1L << 20, AutoMax = 128L << 20;

    /// <summary>The files, their lengths (-1: unreadable), the range size, and the files that could not even be measured.</summary>
    public sealed record Plan(IReadOnlyList<string> Files, long[] Lengths, long ChunkBytes, IReadOnlyDictionary<int, InputError> Unreadable, long Bytes)
    {
        /// <summary>How many ranges file <paramref name="file"/> is cut into (0 for an empty or unreadable file).</summary>
        public long RangesOf(int file) => Lengths[file] <= 0 ? 0 : ((Lengths[file] - 1) / ChunkBytes) + 1;

        /// <summary>Every range, file by file, produced as the job reads them.</summary>
        public IEnumerable<LineRange> Ranges()
        {
            for (var i = 0; i < Files.Count; i++)
            {
                for (long start = 0; start < Lengths[i]; start += ChunkBytes)
                    yield return new LineRange(i, Files[i], start, Math.Min(Lengths[i], start + ChunkBytes));
            }
        }
    }

    /// <summary>Opens and measures every file and picks the range size (<paramref name="chunkBytes"/>, or automatic when null).</summary>
    /// <exception cref="OperationCanceledException">Cancelled while measuring.</exception>
    public static Plan Create(IReadOnlyList<string> paths, long? chunkBytes, int workers, CancellationToken cancellationToken)
    {
        var lengths = new long[paths.Count];
        var unreadable = new Dictionary<int, InputError>();
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Opened once here so that an unreadable (or missing) file is reported without starting a
                // task for each of its ranges.
                using var handle = File.OpenHandle(paths[i], FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                lengths[i] = RandomAccess.GetLength(handle);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lengths[i] = -1;
                unreadable[i] = new InputError(paths[i], Tasks.ErrorText.Describe(e, TaskOutcome.Failed), 0);
            }
        }
        var total = lengths.Where(static l => l > 0).Sum();
        var chunk = Math.Clamp(chunkBytes ?? Math.Clamp(total / Math.Max(1, workers * 4L), AutoMin, AutoMax), Min, Max);
        return new Plan(paths, lengths, chunk, unreadable, total);
    }
}
