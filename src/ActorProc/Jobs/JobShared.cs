namespace ActorProc.Jobs;

/// <summary>
/// What the workers of one job need to run its chunks: the delegate, where inputs come from, where
/// results go, and the job's cancellation.
/// <para>
/// Concurrency contract: created by the job's owner before the job starts and then read by the job
/// actor and every worker. All fields are immutable except the cancellation source, whose token
/// workers observe, and <see cref="IsStopping"/>, written by the job actor and read by workers
/// between tasks (a stale read only costs one more task).
/// </para>
/// </summary>
internal sealed class JobShared<TIn, TOut>
{
    // Never disposed: tasks that ignored a timeout may still hold the token after the job ended, and a
    // source without a timer owns nothing that the GC cannot reclaim.
    private readonly CancellationTokenSource _cancellation = new();
    private volatile bool _stopping;

    public JobShared(JobSettings settings, Func<TIn, TOut>? syncWork, Func<TIn, CancellationToken, Task<TOut>>? asyncWork,
        Func<TIn, CancellationToken, TOut>? syncWorkWithToken = null)
    {
        Settings = settings;
        // A synchronous delegate that wants the job's token gets it through a closure over this job.
        SyncWork = syncWorkWithToken is null ? syncWork : input => syncWorkWithToken(input, Token);
        AsyncWork = asyncWork;
        Debug.Assert((SyncWork is null) != (AsyncWork is null), "exactly one kind of delegate");
    }

    public JobSettings Settings { get; }

    /// <summary>The task delegate of a synchronous job.</summary>
    public Func<TIn, TOut>? SyncWork { get; }

    /// <summary>The task delegate of an asynchronous job.</summary>
    public Func<TIn, CancellationToken, Task<TOut>>? AsyncWork { get; }

    public bool IsAsync => AsyncWork is not null;

    /// <summary>Random-access inputs (list sources), read by workers by index; null for enumerated sources.</summary>
    public IReadOnlyList<TIn>? List { get; set; }

    /// <summary>
    /// When set (ordered map of a list source without timeouts), workers of fast chunks store each
    /// value straight at its index here instead of in the chunk, saving a copy per task.
    /// </summary>
    public TOut[]? DirectResults { get; set; }

    /// <summary>True when values are dropped (for-each): fast chunks do not store them at all.</summary>
    public bool DiscardValues { get; set; }

    /// <summary>
    /// True when chunks track each task (claim, start time, duration) so a task can be timed out,
    /// cancelled or reported on its own; false for the fast path, where a chunk runs as one loop.
    /// </summary>
    public bool Guarded { get; set; }

    /// <summary>
    /// Set when a listener records task durations and the job's chunks are fast (not <see cref="Guarded"/>):
    /// fast loops then time each task and record it here (see <see cref="FastLoops.Timed"/>). Guarded
    /// chunks time their tasks anyway; the job actor records those.
    /// </summary>
    public PoolMetrics? TaskTimer { get; set; }

    /// <summary>Cancelled when the job is cancelled, stopped or past its deadline; passed to async tasks.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>True once the job stopped dispatching; fast chunks check it between tasks.</summary>
    public bool IsStopping => _stopping;

    /// <summary>Job actor: stop workers from starting more tasks of this job and cancel running async tasks.</summary>
    public void Stop()
    {
        if (_stopping) return;
        _stopping = true;
        // CancelAsync: the token reads as cancelled at once, but the callbacks registered on it (user
        // code, e.g. an HTTP client aborting a request) run on the thread pool, not on the job's actor.
        _ = _cancellation.CancelAsync().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Calls the fatal-exception predicate; a predicate that throws counts as "not fatal".</summary>
    public bool IsFatal(Exception error)
    {
        var predicate = Settings.IsFatal;
        if (predicate is null) return false;
        try
        {
            return predicate(error);
        }
        catch
        {
            return false;
        }
    }
}
