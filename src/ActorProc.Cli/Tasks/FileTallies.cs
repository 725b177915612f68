using System.Runtime.InteropServices;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// The reduce side of ipcount and wordcount: folds each range's table into its file's table as ranges
/// complete, and a file's table into the totals once all its ranges succeeded. A file with a failed
/// (or timed-out, or cancelled) range keeps its first error and contributes nothing. Only files with
/// ranges in flight hold a table, so memory is the distinct keys of a few files, not of every range.
/// Used by one thread (the loop over the job's outcomes).
/// </summary>
internal sealed class FileTallies
{
    private readonly LinePlan.Plan _plan;
    private readonly long[] _remaining;
    private readonly Dictionary<string, long>?[] _tables;
    private readonly long[] _lines, _skipped;
    private readonly SortedDictionary<int, InputError> _errors;

    public FileTallies(LinePlan.Plan plan)
    {
        _plan = plan;
        _remaining = new long[plan.Files.Count];
        for (var i = 0; i < _remaining.Length; i++) _remaining[i] = plan.RangesOf(i);
        _tables = new Dictionary<string, long>?[plan.Files.Count];
        _lines = new long[plan.Files.Count];
        _skipped = new long[plan.Files.Count];
        _errors = new SortedDictionary<int, InputError>(plan.Unreadable.ToDictionary());
    }

    /// <summary>Count per key over the files that succeeded.</summary>
    public Dictionary<string, long> Totals { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Non-blank lines of the files that succeeded.</summary>
    public long Lines { get; private set; }

    /// <summary>Non-blank lines without a key, in the files that succeeded.</summary>
    public long Skipped { get; private set; }

    /// <summary>Folds a succeeded range of file <paramref name="file"/>.</summary>
    public void Add(int file, RangeCounts range)
    {
        if (_errors.ContainsKey(file)) return;
        ref var table = ref _tables[file];
        if (table is null) table = range.Counts; // the first range's own table: no copy
        else Fold(table, range.Counts);
        _lines[file] += range.Lines;
        _skipped[file] += range.Skipped;
        if (--_remaining[file] > 0) return;
        if (Totals.Count == 0) Totals = table; // the first finished file's table becomes the totals
        else Fold(Totals, table);
        table = null;
        Lines += _lines[file];
        Skipped += _skipped[file];
    }

    /// <summary>Records a range that did not succeed: the file is an error (its first one is kept) and its counts are dropped.</summary>
    public void Fail(int file, InputError error)
    {
        if (_errors.TryAdd(file, error)) _tables[file] = null;
    }

    /// <summary>The files that did not succeed, in input order.</summary>
    public IReadOnlyList<InputError> Errors() => [.. _errors.Values];

    /// <summary>The files that succeeded, in input order.</summary>
    public IReadOnlyList<string> Succeeded() =>
        [.. Enumerable.Range(0, _plan.Files.Count).Where(i => !_errors.ContainsKey(i)).Select(i => _plan.Files[i])];

    private static void Fold(Dictionary<string, long> into, Dictionary<string, long> from)
    {
        foreach (var (key, count) in from) CollectionsMarshal.GetValueRefOrAddDefault(into, key, out _) += count;
    }
}
