namespace ActorProc.Jobs;

/// <summary>How a job ended, handed by the job actor to its sink.</summary>
internal sealed record JobCompletion(
    string JobId,
    JobOutcome Outcome,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    long Total,
    long Succeeded,
    long Failed,
    long TimedOut,
    long Cancelled,
    long Retries,
    long PeakInFlight,
    string? Reason,
    Exception? SourceError,
    CancellationToken CancelledBy);
