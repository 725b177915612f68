using System.Diagnostics;
using System.Runtime.InteropServices;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>ipcount</c> and <c>wordcount</c>: a map-reduce over the lines of text files. Each file is cut
/// into byte ranges (<see cref="LinePlan"/>); the map runs one task per range on the worker pool and
/// counts keys locally (a combiner: a task returns one table of its distinct keys, not a pair per
/// line); the reduce merges the tables as the job's report comes back.
/// </summary>
/// <remarks>
/// Why not <see cref="WorkerPool.MapReduceAsync{TIn,TKey,TValue,TResult}"/>: it was used first, but
/// with many distinct keys (50,000 addresses over a 200 MB log) shuffling every range's table through
/// reducer actors doubled the memory and cost about half as much time again as the counting, and a
/// map-reduce is all-or-nothing, while here success is per file: a file any of whose ranges failed
/// contributes nothing (no partial counts) and is listed in <c>errors</c> once, with its first error;
/// the other files are still counted.
/// </remarks>
internal sealed class CountTask(string name, IReadOnlyList<string> paths, int? top, long? chunkBytes, Func<KeyCounter> newCounter) : ICliTask
{
    /// <summary>Rows shown in the terminal's table when <c>--top</c> is not given.</summary>
    public const int TerminalRows = 20;

    public string Name => name;

    public void Validate()
    {
        foreach (var path in paths) FileInputs.Classify(path, recursive: false, "give the files themselves");
    }

    public async Task<RunResult> RunAsync(RunContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Progress.Stage = "planning";
        var plan = LinePlan.Create(paths, chunkBytes, context.Pool.Options.Workers);
        context.Verbose($"{name}: {plan.Files.Count} file(s), {plan.Bytes:N0} bytes in {plan.Ranges.Count} range task(s)");
        var token = context.Token;
        var report = await context.Pool.RunAsync(plan.Ranges, range => CountRange(range, token), context.JobOptions, token).ConfigureAwait(false);

        context.Progress.Stage = "merging";
        var fileErrors = new Dictionary<int, InputError>(plan.Unreadable);
        foreach (var task in report.FailedTasks)
            fileErrors.TryAdd(task.Input.File, new InputError(task.Input.Path, ErrorText.Describe(task.Exception, task.Status), task.Attempts));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        long lines = 0, skipped = 0;
        foreach (var task in report.SucceededTasks)
        {
            if (fileErrors.ContainsKey(task.Input.File)) continue;
            var part = task.Value;
            lines += part.Lines;
            skipped += part.Skipped;
            foreach (var (key, count) in part.Counts) CollectionsMarshal.GetValueRefOrAddDefault(totals, key, out _) += count;
        }

        var ranked = totals.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal);
        var results = (top is { } n ? ranked.Take(n) : ranked).Select(static p => (ResultItem)new KeyCountItem(p.Key, p.Value)).ToList();
        var succeeded = Enumerable.Range(0, plan.Files.Count).Where(i => !fileErrors.ContainsKey(i)).Select(i => plan.Files[i]).ToList();
        var errors = fileErrors.OrderBy(static e => e.Key).Select(static e => e.Value).ToList();
        return RunResult.From(Name, report, started, results, errors, succeeded, "files") with
        {
            Bytes = plan.Bytes,
            Lines = new LineTotals(lines, skipped),
            DistinctKeys = totals.Count,
            TerminalLimit = top is null ? TerminalRows : null,
        };
    }

    private RangeCounts CountRange(LineRange range, CancellationToken cancellationToken)
    {
        var counter = newCounter();
        LineRangeReader.Read(range, counter, cancellationToken);
        return new RangeCounts(counter.Counts, counter.Lines, counter.Skipped);
    }

    /// <summary>What one range task returns: its key counts and line statistics.</summary>
    private sealed record RangeCounts(Dictionary<string, long> Counts, long Lines, long Skipped);
}
