namespace ActorProc.Cli.Tasks;

/// <summary>
/// The job-level figures of a streamed job (<c>AsCompleted</c> gives outcomes one by one, not a
/// <see cref="JobReport"/>): retries made, and how the job ended. Used by one thread.
/// </summary>
internal sealed class OutcomeTracker
{
    private bool _unfinished;

    /// <summary>Retries made (attempts beyond the first).</summary>
    public long Retries { get; private set; }

    /// <summary>Counts one task's outcome.</summary>
    public void Add(TaskOutcome status, int attempts)
    {
        Retries += Math.Max(0, attempts - 1);
        if (status is TaskOutcome.Cancelled or TaskOutcome.TimedOut) _unfinished = true;
    }

    /// <summary>
    /// Cancelled when the user asked; deadline-exceeded when tasks were stopped and the job ran for
    /// its whole <paramref name="deadline"/>; otherwise completed (failed tasks show in the counts).
    /// </summary>
    public JobOutcome Outcome(bool cancelled, TimeSpan? deadline, TimeSpan elapsed) =>
        cancelled ? JobOutcome.Cancelled
        : _unfinished && deadline is { } d && elapsed >= d ? JobOutcome.DeadlineExceeded
        : JobOutcome.Completed;
}
