using System.Globalization;
using System.Text.Json;

namespace ActorProc.Cluster.Chaos;

/// <summary>
/// Checks a durable job's recorded results against the outputs expected for it: exactly one result per
/// task, each one succeeded with the expected output. This is the verdict of <c>actorproc chaos</c>, and
/// usable from any test that knows its job's answers.
/// </summary>
public static class JobChecker
{
    /// <summary>How many problems a <see cref="JobCheck"/> describes in words (the counts are always complete).</summary>
    public const int MaxProblems = 5;

    /// <summary>
    /// Compares <paramref name="status"/> (read with results) with <paramref name="expected"/>. A job that is
    /// gone (null), failed, or not completed counts every task as lost: the caller decides how long to wait
    /// before asking. Outputs are compared as JSON values (property order and spacing do not matter).
    /// </summary>
    /// <param name="expected">The job as submitted, with its expected outputs.</param>
    /// <param name="status">The job as the cluster has it, read with its results; null when the cluster does not know it.</param>
    public static JobCheck Check(ExpectedJob expected, JobStatus? status)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var jobId = expected.Spec.JobId;
        var tasks = expected.Spec.Inputs.Count;
        if (status is null) return Whole(expected, "job was acknowledged but the cluster does not know it");
        if (status.State == JobState.Failed) return Whole(expected, $"job failed: {status.Error}", status.Reexecuted);
        if (status.State != JobState.Completed)
            return Whole(expected, string.Create(CultureInfo.InvariantCulture, $"job not completed ({status.State}, {status.Succeeded + status.Failed}/{status.Total} tasks done)"), status.Reexecuted);

        var problems = new List<string>();
        void Note(string problem)
        {
            if (problems.Count < MaxProblems) problems.Add(problem);
        }
        long duplicated = 0, wrong = 0, @checked = 0;
        var seen = new bool[tasks];
        foreach (var result in status.Results)
        {
            if (result.Index < 0 || result.Index >= tasks)
            {
                wrong++;
                Note($"a result for task {result.Index}, which the job does not have");
                continue;
            }
            var index = (int)result.Index;
            if (seen[index])
            {
                duplicated++;
                Note($"task {index} has more than one recorded result");
                continue;
            }
            seen[index] = true;
            @checked++;
            if (result.Status != TaskOutcome.Succeeded)
            {
                wrong++;
                Note($"task {index} {result.Status.ToString().ToLowerInvariant()}: {result.Error}");
            }
            else if (!SameJson(result.Output, expected.ExpectedOutputs[index]))
            {
                wrong++;
                Note($"task {index} recorded {result.Output}, expected {expected.ExpectedOutputs[index]}");
            }
        }
        var lost = seen.LongCount(s => !s);
        if (lost > 0) Note(string.Create(CultureInfo.InvariantCulture, $"{lost} task(s) have no recorded result, the first {Array.IndexOf(seen, false)}"));
        // The job's own counts move per finished partition: more than its tasks means a partition's results were applied twice.
        var counted = status.Succeeded + status.Failed;
        if (counted > tasks)
        {
            Note(string.Create(CultureInfo.InvariantCulture, $"the job counts {counted} results for {tasks} tasks"));
            duplicated = Math.Max(duplicated, counted - tasks);
        }
        if (status.Total != tasks)
        {
            wrong += Math.Abs(status.Total - tasks);
            Note(string.Create(CultureInfo.InvariantCulture, $"the job has {status.Total} tasks, {tasks} were submitted"));
        }
        return new JobCheck(jobId, tasks, @checked, lost, duplicated, wrong, status.Reexecuted, problems);
    }

    private static JobCheck Whole(ExpectedJob expected, string problem, long reexecuted = 0) =>
        new(expected.Spec.JobId, expected.Spec.Inputs.Count, 0, expected.Spec.Inputs.Count, 0, 0, reexecuted, [problem]);

    private static bool SameJson(string? actual, string expected)
    {
        if (actual is null) return false;
        if (actual == expected) return true;
        try
        {
            using var a = JsonDocument.Parse(actual);
            using var e = JsonDocument.Parse(expected);
            return JsonElement.DeepEquals(a.RootElement, e.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
