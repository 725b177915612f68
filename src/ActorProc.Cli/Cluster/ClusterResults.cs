using System.Globalization;
using System.Text.Json;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// Turns a completed durable job into the <see cref="RunResult"/> that <c>actorproc run</c> of the same
/// task produces, so it prints, reports and exits the same way: sumsq and primes one total (only when
/// every task succeeded), hash one digest per file, ipcount/wordcount the ranked key counts of the
/// files all of whose ranges succeeded, a plugin task one value per input. Without a
/// <see cref="JobPlan"/> (<c>actorproc job</c>), tasks are named from their outputs or by index.
/// </summary>
internal static class ClusterResults
{
    public static RunResult ToRunResult(JobStatus status, JobPlan? plan, long started)
    {
        var name = plan is not null ? plan.Names : (Func<int, string>)(i => $"#{i}");
        return status.TaskName switch
        {
            "sumsq" or "primes" => Total(status, name, plan, started),
            "hash" => Hashes(status, name, plan, started),
            "ipcount" or "wordcount" => Counts(status, plan, started),
            _ => Values(status, name, plan, started),
        };
    }

    private static RunResult Total(JobStatus status, Func<int, string> name, JobPlan? plan, long started)
    {
        Int128 total = 0;
        var succeeded = new List<string>();
        var errors = new List<InputError>(plan?.LocalErrors ?? []);
        foreach (var r in status.Results)
        {
            if (r.Status == TaskOutcome.Succeeded)
            {
                total += Int128.Parse(r.Output!, CultureInfo.InvariantCulture);
                succeeded.Add(name((int)r.Index));
            }
            else errors.Add(Error(r, name));
        }
        IReadOnlyList<ResultItem> results = errors.Count == 0 ? [new TotalItem(total.ToString(CultureInfo.InvariantCulture))] : [];
        return From(status, plan, started, results, errors, succeeded, status.TaskName == "primes" ? "ranges" : "tasks");
    }

    private static RunResult Hashes(JobStatus status, Func<int, string> name, JobPlan? plan, long started)
    {
        var results = new List<ResultItem>();
        var succeeded = new List<string>();
        var errors = new List<InputError>(plan?.LocalErrors ?? []);
        long bytes = 0;
        foreach (var r in status.Results)
        {
            if (r.Status != TaskOutcome.Succeeded)
            {
                errors.Add(Error(r, name));
                continue;
            }
            var output = JsonSerializer.Deserialize<HashOutput>(r.Output!)!;
            var path = plan is null ? output.Path : name((int)r.Index);
            results.Add(new DigestItem(path, output.Hex));
            succeeded.Add(path);
            bytes += output.Length;
        }
        return From(status, plan, started, results, errors, succeeded, "files") with { Bytes = bytes };
    }

    private static RunResult Counts(JobStatus status, JobPlan? plan, long started)
    {
        var fold = new CountFold(status, plan);
        var ranked = fold.Totals.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal);
        var results = (plan?.Top is { } n ? ranked.Take(n) : ranked).Select(static p => (ResultItem)new KeyCountItem(p.Key, p.Value)).ToList();
        return From(status, plan, started, results, fold.Errors, fold.Succeeded, "files") with
        {
            Bytes = plan?.Files?.Bytes,
            Lines = new LineTotals(fold.Lines, fold.Skipped),
            DistinctKeys = fold.Totals.Count,
            TerminalLimit = plan?.Top is null ? Tasks.CountTask.TerminalRows : null,
        };
    }

    private static RunResult Values(JobStatus status, Func<int, string> name, JobPlan? plan, long started)
    {
        var results = new List<ResultItem>();
        var succeeded = new List<string>();
        var errors = new List<InputError>();
        foreach (var r in status.Results)
        {
            if (r.Status != TaskOutcome.Succeeded)
            {
                errors.Add(Error(r, name));
                continue;
            }
            using var output = JsonDocument.Parse(r.Output!);
            results.Add(new ValueItem(name((int)r.Index), output.RootElement.Clone()));
            succeeded.Add(name((int)r.Index));
        }
        return From(status, plan, started, results, errors, succeeded, "tasks");
    }

    internal static InputError Error(ClusterTaskResult r, Func<int, string> name) =>
        new(name((int)r.Index), Message(r.Error) ?? r.Status.ToString().ToLowerInvariant(), r.Attempts);

    /// <summary>
    /// Nodes report <c>"ExceptionType: message"</c>; run shows I/O errors by their message alone (it names
    /// the path), so the same failure reads the same from both.
    /// </summary>
    private static string? Message(string? error)
    {
        foreach (var type in IoErrors)
        {
            if (error is not null && error.StartsWith(type, StringComparison.Ordinal)) return error[type.Length..];
        }
        return error;
    }

    private static readonly string[] IoErrors =
        ["FileNotFoundException: ", "DirectoryNotFoundException: ", "IOException: ", "UnauthorizedAccessException: ", "PathTooLongException: "];

    /// <summary>Retries are attempts beyond the first that were not re-executions after a crash or handoff (those are counted apart).</summary>
    private static RunResult From(JobStatus status, JobPlan? plan, long started, IReadOnlyList<ResultItem> results,
        IReadOnlyList<InputError> errors, IReadOnlyList<string> succeeded, string unit)
    {
        var attemptsBeyondFirst = status.Results.Sum(static r => (long)Math.Max(0, r.Attempts - 1));
        return RunResult.From(status.TaskName, JobOutcome.Completed, Math.Max(0, attemptsBeyondFirst - status.Reexecuted), started,
            results, errors, succeeded, plan?.Unit ?? unit);
    }
}
