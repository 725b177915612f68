using ActorProc.TestKit.Faults;

namespace ActorProc.TestKit.Assertions;

/// <summary>
/// Assertions on a <see cref="JobReport{TIn,TOut}"/>. Each returns the report, so they chain, and throws a
/// <see cref="JobReportAssertionException"/> (an xunit assertion failure) whose message lists the
/// offending tasks with their ids, inputs, statuses, attempts and errors. Inputs are compared with
/// <see cref="EqualityComparer{T}.Default"/>.
/// </summary>
public static class JobReportAssertions
{
    /// <summary>Asserts that the job ran to its end and every task succeeded.</summary>
    /// <exception cref="JobReportAssertionException">A task did not succeed, or the job ended early.</exception>
    public static JobReport<TIn, TOut> ShouldHaveAllSucceeded<TIn, TOut>(this JobReport<TIn, TOut> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = report.FailedTasks.ToArray();
        if (failures.Length == 0 && report.Outcome == JobOutcome.Completed) return report;
        var message = new FailureMessage(failures.Length == 0
            ? $"Expected job {report.JobId} to complete with every task succeeded, but it ended {report.Outcome}{(report.Reason is null ? "" : $" ({report.Reason})")}:"
            : $"Expected every task of job {report.JobId} to succeed, but {failures.Length} of {report.Tasks.Count} did not:");
        foreach (var task in failures) message.Add(task);
        throw message.ToException(report);
    }

    /// <summary>Asserts that the tasks of exactly these inputs failed (<see cref="TaskOutcome.Failed"/>): each of them, and no other task.</summary>
    /// <exception cref="JobReportAssertionException">One of the inputs did not fail, or another task failed.</exception>
    public static JobReport<TIn, TOut> ShouldHaveFailed<TIn, TOut>(this JobReport<TIn, TOut> report, params TIn[] inputs) =>
        report.ShouldHaveOutcome(TaskOutcome.Failed, inputs);

    /// <summary>Asserts that the tasks of exactly these inputs timed out (<see cref="TaskOutcome.TimedOut"/>): each of them, and no other task.</summary>
    /// <exception cref="JobReportAssertionException">One of the inputs did not time out, or another task did.</exception>
    public static JobReport<TIn, TOut> ShouldHaveTimedOut<TIn, TOut>(this JobReport<TIn, TOut> report, params TIn[] inputs) =>
        report.ShouldHaveOutcome(TaskOutcome.TimedOut, inputs);

    /// <summary>Asserts that the tasks with status <paramref name="status"/> are exactly those of <paramref name="inputs"/>.</summary>
    /// <exception cref="JobReportAssertionException">An input's task has another status or is missing, or another task has this status.</exception>
    public static JobReport<TIn, TOut> ShouldHaveOutcome<TIn, TOut>(this JobReport<TIn, TOut> report, TaskOutcome status, params TIn[] inputs)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(inputs);
        var expected = new HashSet<InputKey<TIn>>(inputs.Select(x => new InputKey<TIn>(x)));
        var message = new FailureMessage($"Expected exactly the tasks of inputs {FailureMessage.FormatAll(inputs)} to be {status} in job {report.JobId}, but:");
        var seen = new HashSet<InputKey<TIn>>();
        foreach (var task in report.Tasks)
        {
            var key = new InputKey<TIn>(task.Input);
            var isExpected = expected.Contains(key);
            if (isExpected) seen.Add(key);
            if (isExpected && task.Status != status) message.Add(task, $"expected {status}");
            else if (!isExpected && task.Status == status) message.Add(task, "not expected to be " + status);
        }
        foreach (var missing in expected.Where(k => !seen.Contains(k))) message.Add($"input {FailureMessage.Format(missing.Value)} is not in the report");
        if (message.Count > 0) throw message.ToException(report);
        return report;
    }

    /// <summary>
    /// Asserts that every one of <paramref name="inputs"/> appears in the report exactly as often as in
    /// the sequence (once each, for distinct inputs), that nothing else does, that task indexes run
    /// 0, 1, 2 … in order, and that the report's counts agree with its tasks.
    /// </summary>
    /// <exception cref="JobReportAssertionException">An input is missing, duplicated or foreign, or the report contradicts itself.</exception>
    public static JobReport<TIn, TOut> ShouldAccountForEveryInput<TIn, TOut>(this JobReport<TIn, TOut> report, IEnumerable<TIn> inputs)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(inputs);
        var expected = Count(inputs);
        var actual = Count(report.Tasks.Select(t => t.Input));
        var message = new FailureMessage($"Expected job {report.JobId} to account for each of its {expected.Values.Sum()} input(s) exactly once, but:");
        foreach (var (key, want) in expected)
        {
            var got = actual.GetValueOrDefault(key);
            if (got == 0) message.Add($"input {FailureMessage.Format(key.Value)} is missing");
            else if (got != want) message.Add($"input {FailureMessage.Format(key.Value)} appears {got} time(s), expected {want}: " +
                string.Join("; ", report.Tasks.Where(t => key.Equals(new InputKey<TIn>(t.Input))).Select(FailureMessage.Describe)));
        }
        foreach (var task in report.Tasks.Where(t => !expected.ContainsKey(new InputKey<TIn>(t.Input)))) message.Add(task, "not an input of the job");
        for (var i = 0; i < report.Tasks.Count; i++)
        {
            if (report.Tasks[i].Index != i) message.Add(report.Tasks[i], $"at position {i} of the report but has index {report.Tasks[i].Index}");
        }
        var byStatus = report.Tasks.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var (status, counted) in new[] { (TaskOutcome.Succeeded, report.Succeeded), (TaskOutcome.Failed, report.Failed), (TaskOutcome.TimedOut, report.TimedOut), (TaskOutcome.Cancelled, report.Cancelled) })
        {
            if (byStatus.GetValueOrDefault(status) != counted) message.Add($"the report counts {counted} {status} but lists {byStatus.GetValueOrDefault(status)}");
        }
        if (report.Total != report.Tasks.Count) message.Add($"the report's total is {report.Total} but it lists {report.Tasks.Count} task(s)");
        if (message.Count > 0) throw message.ToException(report);
        return report;
    }

    /// <summary>
    /// Asserts that the report is what <paramref name="plan"/> made of the job: a task whose latest call
    /// the plan threw into (<see cref="FaultKind.Throw"/>, <see cref="FaultKind.CrashWorker"/>) failed with
    /// an exception of the injected type; a task whose latest call hung timed out or was cancelled (so
    /// release the plan's hangs only after the job ended); every other task, slowed or untouched,
    /// succeeded. A task retried after a fault is judged by its last attempt. The job's inputs must be
    /// distinct, because the plan sees inputs, not task ids.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="JobReportAssertionException">A task's status differs from the plan's, or inputs repeat.</exception>
    public static JobReport<TIn, TOut> ShouldMatch<TIn, TOut>(this JobReport<TIn, TOut> report, FaultPlan<TIn, TOut> plan)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plan);
        var repeated = Count(report.Tasks.Select(t => t.Input)).Where(p => p.Value > 1).Select(p => p.Key.Value).ToArray();
        if (repeated.Length > 0)
        {
            var duplicates = new FailureMessage($"ShouldMatch needs distinct inputs (a plan sees inputs, not task ids), but job {report.JobId} repeats {FailureMessage.FormatAll(repeated)}.");
            throw duplicates.ToException(report);
        }
        var message = new FailureMessage($"Expected job {report.JobId} to match {plan}, but:");
        foreach (var task in report.Tasks)
        {
            if (Mismatch(task, plan) is { } why) message.Add(task, why);
        }
        if (message.Count > 0) throw message.ToException(report);
        return report;
    }

    /// <summary>Why <paramref name="task"/> is not what the plan made of it, or null when it is.</summary>
    private static string? Mismatch<TIn, TOut>(TaskResult<TIn, TOut> task, FaultPlan<TIn, TOut> plan)
    {
        if (!plan.TryGetLatestFault(task.Input, out var fault))
            return task.Status == TaskOutcome.Succeeded ? null : "the plan never ran this input, so it cannot have faulted it";
        switch (fault?.Kind)
        {
            case FaultKind.Throw or FaultKind.CrashWorker:
                var type = fault.Exception!.GetType();
                if (task.Status == TaskOutcome.Failed && task.Exception?.GetType() == type) return null;
                return $"expected Failed with {type.Name} (injected {fault})";
            case FaultKind.Hang:
                return task.Status is TaskOutcome.TimedOut or TaskOutcome.Cancelled ? null : $"expected TimedOut or Cancelled (injected {fault})";
            default:
                if (task.Status == TaskOutcome.Succeeded) return null;
                return fault is null
                    ? $"expected Succeeded: the plan injected nothing into its latest call (of {plan.CallsOf(task.Input)})"
                    : $"expected Succeeded: a slowdown is not a failure (injected {fault})";
        }
    }

    private static Dictionary<InputKey<TIn>, int> Count<TIn>(IEnumerable<TIn> values)
    {
        var counts = new Dictionary<InputKey<TIn>, int>();
        foreach (var value in values)
        {
            var key = new InputKey<TIn>(value);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
