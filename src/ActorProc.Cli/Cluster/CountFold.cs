using System.Runtime.InteropServices;
using System.Text.Json;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// The reduce side of ipcount/wordcount over a completed durable job: the nodes counted each byte
/// range (their combiner's tables are the task outputs); this folds the tables of every file whose
/// ranges all succeeded into the totals, as <c>run</c> does. A file with a failed range keeps its first
/// error and contributes nothing. Without a plan, a range's file is the path in its output, and a failed
/// range is reported by its task index.
/// </summary>
internal sealed class CountFold
{
    public CountFold(JobStatus status, JobPlan? plan)
    {
        var files = plan?.Files;
        var paths = new List<string>(files?.Paths ?? []);
        var errors = new SortedDictionary<int, InputError>(files?.Unreadable.ToDictionary() ?? []);
        var outputs = new List<(int File, CountOutput Output)>();
        foreach (var r in status.Results)
        {
            if (r.Status == TaskOutcome.Succeeded)
            {
                var output = JsonSerializer.Deserialize<CountOutput>(r.Output!)!;
                outputs.Add((files is null ? IndexOf(paths, output.Path) : files.FileOf[(int)r.Index], output));
            }
            else
            {
                var file = files is null ? IndexOf(paths, $"#{r.Index}") : files.FileOf[(int)r.Index];
                errors.TryAdd(file, ClusterResults.Error(r, _ => paths[file]));
            }
        }
        foreach (var (file, output) in outputs)
        {
            if (errors.ContainsKey(file)) continue;
            foreach (var (key, count) in output.Counts) CollectionsMarshal.GetValueRefOrAddDefault(Totals, key, out _) += count;
            Lines += output.Lines;
            Skipped += output.Skipped;
        }
        Errors = [.. errors.Values];
        Succeeded = [.. Enumerable.Range(0, paths.Count).Where(i => !errors.ContainsKey(i)).Select(i => paths[i])];
    }

    /// <summary>Count per key over the files that succeeded.</summary>
    public Dictionary<string, long> Totals { get; } = new(StringComparer.Ordinal);

    public long Lines { get; }

    public long Skipped { get; }

    /// <summary>The files that did not succeed, in input order, each with its first error.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>The files that succeeded, in input order.</summary>
    public IReadOnlyList<string> Succeeded { get; }

    private static int IndexOf(List<string> paths, string path)
    {
        var i = paths.IndexOf(path);
        if (i >= 0) return i;
        paths.Add(path);
        return paths.Count - 1;
    }
}
