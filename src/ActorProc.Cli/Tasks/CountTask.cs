using System.Diagnostics;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>ipcount</c> and <c>wordcount</c>: a map-reduce over the lines of text files, through the
/// library's <see cref="WorkerPool.MapReduceByGroupAsync{TIn,TOut,TGroup,TKey,TValue}"/>. Each file is
/// cut into byte ranges (<see cref="LinePlan"/>), one map task each, grouped by file: a range counts its
/// keys in a table of its own (the local combine) and emits one pair per distinct key; the library
/// shuffles them to its reducers and keeps a file's counts only when every one of its ranges succeeded.
/// A file with a failed (timed-out, cancelled) range contributes nothing and is listed in <c>errors</c>
/// once, with its first error; the other files are still counted and printed.
/// </summary>
/// <remarks>
/// Memory is bounded whatever the file sizes and <c>--chunk-size</c>: ranges are produced lazily, at
/// most <see cref="RangesInFlight"/> per worker are read ahead, and the reducers hold only the counts of
/// files still being read apart from the totals.
/// </remarks>
internal sealed class CountTask(string name, IReadOnlyList<string> paths, int? top, long? chunkBytes, Func<KeyCounter> newCounter) : ICliTask
{
    /// <summary>Rows shown in the terminal's table when <c>--top</c> is not given.</summary>
    public const int TerminalRows = 20;

    /// <summary>Ranges in flight per worker: enough to keep every worker busy while results are shuffled.</summary>
    private const int RangesInFlight = 4;

    public string Name => name;

    public void Validate()
    {
        foreach (var path in paths) FileInputs.Classify(path, recursive: false, "give the files themselves");
    }

    public async Task<RunResult> RunAsync(RunContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Progress.Stage = "planning";
        var workers = context.PoolOptions.Workers;
        var plan = LinePlan.Create(paths, chunkBytes, workers, context.Token);
        context.Verbose($"{name}: {plan.Files.Count} file(s), {plan.Bytes:N0} bytes in ranges of {plan.ChunkBytes:N0} bytes");
        var options = new MapReduceOptions
        {
            Map = context.JobOptions with { MaxInFlight = (int)Math.Min(context.PoolOptions.MaxInFlight, Math.Max(2L, (long)workers * RangesInFlight)) },
        };
        (var pool, started) = await context.PoolAsync(started).ConfigureAwait(false);
        var report = await pool.MapReduceByGroupAsync(plan.Ranges(), static range => range.File,
            (LineRange range, MapEmitter<string, long> emit, CancellationToken token) => CountRange(range, emit, token),
            static (a, b) => a + b, options, StringComparer.Ordinal, cancellationToken: context.Token).ConfigureAwait(false);

        context.Progress.Stage = "ranking";
        var files = FileOutcomes.Of(plan, report);
        var ranked = report.Totals.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal);
        var results = (top is { } n ? ranked.Take(n) : ranked).Select(static p => (ResultItem)new KeyCountItem(p.Key, p.Value)).ToList();
        return RunResult.From(Name, report.Outcome, report.Retries, started, results, files.Errors, files.Succeeded, "files") with
        {
            Bytes = plan.Bytes,
            Lines = files.Lines,
            DistinctKeys = report.Totals.Count,
            TerminalLimit = top is null ? TerminalRows : null,
        };
    }

    private LineTotals CountRange(LineRange range, MapEmitter<string, long> emit, CancellationToken cancellationToken)
    {
        var counter = newCounter();
        LineRangeReader.Read(range, counter, cancellationToken);
        foreach (var (key, count) in counter.Counts.Entries()) emit.Emit(key, count);
        return new LineTotals(counter.Lines, counter.Skipped);
    }
}
