using ActorProc.Internal;

namespace ActorProc.Jobs;

/// <summary>
/// Per-job settings. Every null setting falls back to the pool's <see cref="WorkerPoolOptions"/>;
/// an invalid value throws <see cref="ArgumentException"/> naming the setting as soon as it is set.
/// </summary>
public sealed record JobOptions
{
    private readonly int? _maxRetries;
    private readonly RetryBackoff? _retryBackoff;
    private readonly TimeSpan? _taskTimeout;
    private readonly TimeSpan? _jobDeadline;
    private readonly int? _chunkSize;
    private readonly int? _maxInFlight;
    private readonly TimeSpan _progressInterval = TimeSpan.FromMilliseconds(250);
    private readonly string? _jobId;

    /// <summary>No overrides: the pool's settings apply.</summary>
    public static JobOptions Default { get; } = new();

    /// <summary>Stable id of the job (task ids are <c>"{JobId}#{index}"</c>); null generates a unique one.</summary>
    public string? JobId { get => _jobId; init => _jobId = value is null ? null : Check.NotBlank(value, nameof(JobId)); }

    /// <summary>Overrides <see cref="WorkerPoolOptions.MaxRetries"/> (≥ 0).</summary>
    public int? MaxRetries { get => _maxRetries; init => _maxRetries = Check.AtLeastOrNull(value, 0, nameof(MaxRetries)); }

    /// <summary>Overrides <see cref="WorkerPoolOptions.RetryBackoff"/>.</summary>
    public RetryBackoff? RetryBackoff
    {
        get => _retryBackoff;
        init
        {
            value?.Validate(nameof(RetryBackoff));
            _retryBackoff = value;
        }
    }

    /// <summary>Overrides <see cref="WorkerPoolOptions.RetryOn"/>.</summary>
    public Func<Exception, bool>? RetryOn { get; init; }

    /// <summary>Overrides <see cref="WorkerPoolOptions.FatalExceptions"/>.</summary>
    public Func<Exception, bool>? FatalExceptions { get; init; }

    /// <summary>Overrides <see cref="WorkerPoolOptions.TaskTimeout"/> (&gt; 0).</summary>
    public TimeSpan? TaskTimeout { get => _taskTimeout; init => _taskTimeout = Check.PositiveOrNull(value, nameof(TaskTimeout)); }

    /// <summary>Overrides <see cref="WorkerPoolOptions.JobDeadline"/> (&gt; 0).</summary>
    public TimeSpan? JobDeadline { get => _jobDeadline; init => _jobDeadline = Check.PositiveOrNull(value, nameof(JobDeadline)); }

    /// <summary>Overrides <see cref="WorkerPoolOptions.ChunkSize"/> (≥ 1).</summary>
    public int? ChunkSize { get => _chunkSize; init => _chunkSize = Check.AtLeastOrNull(value, 1, nameof(ChunkSize)); }

    /// <summary>Overrides <see cref="WorkerPoolOptions.MaxInFlight"/> (≥ 1).</summary>
    public int? MaxInFlight { get => _maxInFlight; init => _maxInFlight = Check.AtLeastOrNull(value, 1, nameof(MaxInFlight)); }

    /// <summary>
    /// Receives a <see cref="JobProgress"/> every <see cref="ProgressInterval"/> and once when the job
    /// ends. Called from the job's actor: keep it short (<see cref="Progress{T}"/> posts to the
    /// creator's synchronization context, which is the usual way to update a UI).
    /// </summary>
    public IProgress<JobProgress>? Progress { get; init; }

    /// <summary>How often <see cref="Progress"/> is called, &gt; 0. Default: 250 ms.</summary>
    public TimeSpan ProgressInterval { get => _progressInterval; init => _progressInterval = Check.Positive(value, nameof(ProgressInterval)); }
}
