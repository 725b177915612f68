namespace ActorProc.Jobs;

/// <summary>The settings one job runs with: its <see cref="JobOptions"/> over the pool's <see cref="WorkerPoolOptions"/>. Immutable.</summary>
internal sealed record JobSettings
{
    private static long _nextJobNumber;

    public required string JobId { get; init; }
    public required int Workers { get; init; }
    public required int MaxRetries { get; init; }
    public required RetryBackoff Backoff { get; init; }
    public required Func<Exception, bool>? RetryOn { get; init; }
    public required Func<Exception, bool>? IsFatal { get; init; }
    public required TimeSpan? TaskTimeout { get; init; }
    public required TimeSpan? JobDeadline { get; init; }
    public required int? ChunkSize { get; init; }
    public required long ChunkTargetTicks { get; init; }
    public required int MaxInFlight { get; init; }
    public required int? MaxTasksPerWorker { get; init; }
    public required IProgress<JobProgress>? Progress { get; init; }
    public required TimeSpan ProgressInterval { get; init; }

    public static JobSettings Resolve(WorkerPoolOptions pool, JobOptions? job, string? jobId = null)
    {
        job ??= JobOptions.Default;
        return new JobSettings
        {
            JobId = jobId ?? job.JobId ?? NewJobId(),
            Workers = pool.Workers,
            MaxRetries = job.MaxRetries ?? pool.MaxRetries,
            Backoff = job.RetryBackoff ?? pool.RetryBackoff,
            RetryOn = job.RetryOn ?? pool.RetryOn,
            IsFatal = job.FatalExceptions ?? pool.FatalExceptions,
            TaskTimeout = job.TaskTimeout ?? pool.TaskTimeout,
            JobDeadline = job.JobDeadline ?? pool.JobDeadline,
            ChunkSize = job.ChunkSize ?? pool.ChunkSize,
            ChunkTargetTicks = Math.Max(1, (long)(pool.ChunkTargetDuration.TotalSeconds * Stopwatch.Frequency)),
            MaxInFlight = job.MaxInFlight ?? pool.MaxInFlight,
            MaxTasksPerWorker = pool.MaxTasksPerWorker,
            Progress = job.Progress,
            ProgressInterval = job.ProgressInterval,
        };
    }

    /// <summary>A short id unique in this process: a counter plus a random suffix so two processes rarely collide.</summary>
    public static string NewJobId() =>
        $"job-{Interlocked.Increment(ref _nextJobNumber)}-{Random.Shared.Next(0x10000, 0xFFFFF):x5}";

    /// <summary>Whether a failure of attempt number <paramref name="attempt"/> (1-based) gets another attempt.</summary>
    public bool ShouldRetry(Exception error, int attempt) =>
        attempt <= MaxRetries && (RetryOn is null || RetryOn(error));
}
