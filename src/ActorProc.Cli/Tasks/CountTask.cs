using System.Diagnostics;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>ipcount</c> and <c>wordcount</c>: a map-reduce over the lines of text files. Each file is cut
/// into byte ranges (<see cref="LinePlan"/>); the map runs one task per range on the worker pool and
/// counts keys locally (a combiner: a task returns one table of its distinct keys, not a pair per
/// line); the reduce folds each range's table into its file's table as it completes
/// (<see cref="FileTallies"/>), and a finished file's table into the totals.
/// </summary>
/// <remarks>
/// Memory is bounded whatever the file sizes and <c>--chunk-size</c>: ranges are produced lazily, at
/// most <see cref="RangesInFlight"/> per worker are read ahead of the consumer, and a range's table is
/// dropped once folded. Why not <see cref="WorkerPool.MapReduceAsync{TIn,TKey,TValue,TResult}"/>: a
/// map-reduce is all-or-nothing (a failed range or Ctrl+C throws and yields no counts), while here
/// success is per file: a file any of whose ranges failed contributes nothing (no partial counts) and
/// is listed in <c>errors</c> once, with its first error; the other files are still counted and printed.
/// </remarks>
internal sealed class CountTask(string name, IReadOnlyList<string> paths, int? top, long? chunkBytes, Func<KeyCounter> newCounter) : ICliTask
{
    /// <summary>Rows shown in the terminal's table when <c>--top</c> is not given.</summary>
    public const int TerminalRows = 20;

    /// <summary>Ranges in flight per worker: enough to keep every worker busy while the consumer folds.</summary>
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
        var token = context.Token;
        var options = context.JobOptions with { MaxInFlight = (int)Math.Min(context.PoolOptions.MaxInFlight, Math.Max(2L, (long)workers * RangesInFlight)) };
        (var pool, started) = await context.PoolAsync(started).ConfigureAwait(false);
        var job = pool.CreateJob(plan.Ranges(), range => CountRange(range, token), options);

        var tallies = new FileTallies(plan);
        var outcome = new OutcomeTracker();
        await foreach (var range in job.AsCompleted(token).ConfigureAwait(false))
        {
            outcome.Add(range.Status, range.Attempts);
            if (range.Succeeded) tallies.Add(range.Input.File, range.Value);
            else tallies.Fail(range.Input.File, new InputError(range.Input.Path, ErrorText.Describe(range.Exception, range.Status), range.Attempts));
        }

        context.Progress.Stage = "ranking";
        var totals = tallies.Totals;
        var ranked = totals.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal);
        var results = (top is { } n ? ranked.Take(n) : ranked).Select(static p => (ResultItem)new KeyCountItem(p.Key, p.Value)).ToList();
        var jobOutcome = outcome.Outcome(token.IsCancellationRequested, context.PoolOptions.JobDeadline, Stopwatch.GetElapsedTime(started));
        return RunResult.From(Name, jobOutcome, outcome.Retries, started, results, tallies.Errors(), tallies.Succeeded(), "files") with
        {
            Bytes = plan.Bytes,
            Lines = new LineTotals(tallies.Lines, tallies.Skipped),
            DistinctKeys = totals.Count,
            TerminalLimit = top is null ? TerminalRows : null,
        };
    }

    private RangeCounts CountRange(LineRange range, CancellationToken cancellationToken)
    {
        var counter = newCounter();
        LineRangeReader.Read(range, counter, cancellationToken);
        return new RangeCounts(counter.Counts.ToDictionary(), counter.Lines, counter.Skipped);
    }
}
