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
/// total size over 4 ranges per worker, clamped to [1 MiB, 128 MiB]: enough ranges to balance the
/// workers, few enough that each range's table of keys (every range meets most of the keys again, and
/// the tables are merged at the end) stays a small part of the work.
/// </summary>
internal static class LinePlan
{
    private const long MinChunk = 1L << 20, MaxChunk = 128L << 20;

    /// <summary>The files, the ranges to read, and the files that could not even be measured.</summary>
    public sealed record Plan(IReadOnlyList<string> Files, IReadOnlyList<LineRange> Ranges, IReadOnlyDictionary<int, InputError> Unreadable, long Bytes);

    /// <summary>Opens and measures every file and cuts it into ranges of <paramref name="chunkBytes"/> (null: automatic).</summary>
    public static Plan Create(IReadOnlyList<string> paths, long? chunkBytes, int workers)
    {
        var lengths = new long[paths.Count];
        var unreadable = new Dictionary<int, InputError>();
        for (var i = 0; i < paths.Count; i++)
        {
            try
            {
                // Opened once here so that an unreadable file is reported before the job, without
                // starting a task for each of its ranges.
                using var handle = File.OpenHandle(paths[i], FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                lengths[i] = RandomAccess.GetLength(handle);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable[i] = new InputError(paths[i], Tasks.ErrorText.Describe(e, TaskOutcome.Failed), 0);
            }
        }
        var total = lengths.Sum();
        var chunk = chunkBytes ?? Math.Clamp(total / Math.Max(1, workers * 4L), MinChunk, MaxChunk);
        var ranges = new List<LineRange>();
        for (var i = 0; i < paths.Count; i++)
        {
            for (long start = 0; start < lengths[i]; start += chunk)
                ranges.Add(new LineRange(i, paths[i], start, Math.Min(lengths[i], start + chunk)));
        }
        return new Plan(paths, ranges, unreadable, total);
    }
}
