namespace ActorProc.Reports;

/// <summary>How a job as a whole ended.</summary>
public enum JobOutcome
{
    /// <summary>Every input was read and every task reached a final state (some may have failed).</summary>
    Completed,

    /// <summary>The job was cancelled (its token, or the pool was stopped forcibly); unfinished tasks are <see cref="TaskOutcome.Cancelled"/>.</summary>
    Cancelled,

    /// <summary>The job's deadline passed; running tasks are <see cref="TaskOutcome.TimedOut"/>, tasks not started are <see cref="TaskOutcome.Cancelled"/>.</summary>
    DeadlineExceeded,
}
