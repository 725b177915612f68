namespace ActorProc.Tasks;

/// <summary>A task ran longer than its timeout (the error of a <see cref="TaskOutcome.TimedOut"/> task).</summary>
public sealed class TaskTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// A job finished with tasks that did not succeed; thrown by the operations that return plain values
/// (<c>MapAsync</c>, <c>ForEachAsync</c>, <c>MapReduceAsync</c>). <see cref="Failures"/> lists every
/// task that failed, timed out or was cancelled, in input order.
/// </summary>
public sealed class JobFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="succeeded">How many tasks succeeded.</param>
    /// <param name="failures">The tasks that did not succeed.</param>
    /// <param name="reason">Why the job ended early, if it did (e.g. "deadline of 00:00:05 exceeded").</param>
    public JobFailedException(string jobId, long succeeded, IReadOnlyList<ITaskResult> failures, string? reason = null)
        : base(BuildMessage(jobId, succeeded, failures, reason), failures.FirstOrDefault(f => f.Exception is not null)?.Exception)
    {
        JobId = jobId;
        Succeeded = succeeded;
        Failures = failures;
        Reason = reason;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>How many tasks succeeded.</summary>
    public long Succeeded { get; }

    /// <summary>Every task that failed, timed out or was cancelled, in input order.</summary>
    public IReadOnlyList<ITaskResult> Failures { get; }

    /// <summary>Why the job ended early (deadline), or null when it ran to the end.</summary>
    public string? Reason { get; }

    private static string BuildMessage(string jobId, long succeeded, IReadOnlyList<ITaskResult> failures, string? reason)
    {
        var head = $"Job {jobId}: {failures.Count} task(s) did not succeed ({succeeded} succeeded){(reason is null ? "" : "; " + reason)}.";
        var shown = failures.Take(5).Select(f => $" [{f.Index}] {f.Status}: {f.Exception?.GetType().Name}: {f.Exception?.Message}");
        return head + string.Concat(shown) + (failures.Count > 5 ? $" ... and {failures.Count - 5} more." : "");
    }
}

/// <summary>
/// Thrown by the ordered streaming map at the position of a task that did not succeed (the stream
/// stops there, like Python's <c>imap</c>); <see cref="Result"/> holds the task's outcome.
/// </summary>
public sealed class TaskFailedException(ITaskResult result)
    : Exception($"Task {result.Id} {result.Status}: {result.Exception?.GetType().Name}: {result.Exception?.Message}", result.Exception)
{
    /// <summary>The outcome of the task that did not succeed.</summary>
    public ITaskResult Result { get; } = result;
}
