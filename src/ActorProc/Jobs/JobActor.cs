namespace ActorProc.Jobs;

/// <summary>
/// Runs one job: pulls inputs lazily within the in-flight window, cuts them into chunks, sends the
/// chunks through the pool's router, and turns what comes back into final task outcomes (with
/// retries, timeouts, cancellation and the deadline) for the job's sink.
/// <para>
/// Concurrency contract: an actor, so all of its state is touched by one message at a time. It shares
/// chunks with workers under the protocols described on <see cref="SyncChunk{TIn,TOut}"/> and
/// <see cref="AsyncChunk{TIn,TOut}"/>, window credit with the consumer through <see cref="JobSink{TIn,TOut}"/>,
/// and async permits with other jobs through the pool's limiter. It never blocks: an async source pull
/// that does not complete at once comes back as <see cref="PullCompleted"/>.
/// </para>
/// <para>
/// Invariants: every input pulled is, at any time, in exactly one of: a chunk in <see cref="_running"/>,
/// a chunk in <see cref="_retrying"/> or <see cref="_readyRetries"/>, the carried input, the open part
/// of the lease, or finalized (given to the sink, exactly once). The job completes when the source is
/// exhausted and every input is finalized.
/// </para>
/// </summary>
internal sealed partial class JobActor<TIn, TOut> : UntypedActor, IWithTimers
{
    private readonly JobShared<TIn, TOut> _shared;
    private readonly JobSettings _settings;
    private readonly InputSource<TIn> _source;
    private readonly JobSink<TIn, TOut> _sink;
    private readonly JobControl _control;
    /// <summary>The pool's router, given by <see cref="JobAdmitted"/>; null until then (nothing is dispatched before it).</summary>
    private IActorRef? _router;
    private readonly Pools.ConcurrencyLimiter? _permits;
    private readonly CancellationToken _userToken;
    private readonly PoolMetrics _metrics;
    /// <summary>Workers of the router the job was admitted to; chunk sizes and dispatch depth follow it.</summary>
    private int _workers = 1;

    private ChunkSizer _sizer = null!;

    /// <summary>Chunks sent to workers whose outcomes are not all accounted for, by id.</summary>
    private readonly Dictionary<long, WorkChunk> _running = new();

    /// <summary>Single-task chunks waiting for their retry backoff, by id.</summary>
    private readonly Dictionary<long, WorkChunk> _retrying = new();

    /// <summary>Async retries whose backoff is over, waiting for a permit.</summary>
    private readonly Queue<WorkChunk> _readyRetries = new();

    /// <summary>The lease of an unguarded list job (see <see cref="RangeLease{TIn,TOut}"/>), or null.</summary>
    private RangeLease<TIn, TOut>? _lease;

    /// <summary>Tasks of the lease not yet settled by a worker's report.</summary>
    private long _leaseOpen;

    /// <summary>Tasks of the lease run according to the reports received (for live progress).</summary>
    private long _leaseRan;

    private long _nextChunkId;
    private long _pulled;
    private long _finalized;
    private long _succeeded, _failed, _timedOut, _cancelled, _retries;
    private long _peakInFlight;
    private bool _sourceDone;
    private bool _pullPending;
    private bool _hasCarry;
    private TIn _carry = default!;
    private Exception? _sourceError;
    private bool _finished;
    private long _startedTicks;
    private DateTimeOffset _startedAt;

    public JobActor(JobStart<TIn, TOut> start)
    {
        _shared = start.Shared;
        _settings = start.Shared.Settings;
        _source = start.Source;
        _sink = start.Sink;
        _control = start.Control;
        _permits = start.Permits;
        _userToken = start.UserToken;
        _metrics = start.Metrics;
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private bool IsAsync => _shared.IsAsync;

    protected override void PreStart()
    {
        _startedTicks = Stopwatch.GetTimestamp();
        _startedAt = DateTimeOffset.UtcNow;
        _sink.Attach(Self);
        if (_source.Count is { } total) _sink.OnTotalKnown(total);
        if (_settings.JobDeadline is { } deadline) Timers.StartSingleTimer("deadline", DeadlineReached.Instance, deadline);
        if (_settings.TaskTimeout is { } timeout && !IsAsync)
        {
            var tick = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.FromMilliseconds(5).Ticks, TimeSpan.FromSeconds(1).Ticks));
            Timers.StartPeriodicTimer("watchdog", WatchdogTick.Instance, tick);
        }
        if (_settings.Progress is not null) Timers.StartPeriodicTimer("progress", ProgressTick.Instance, _settings.ProgressInterval);
        _control.Attach(Self);
    }

    /// <summary>The pool supervisor admitted the job: start dispatching to its router.</summary>
    private void OnAdmitted(JobAdmitted admitted)
    {
        _router = admitted.Router;
        _workers = admitted.Workers;
        _sizer = new ChunkSizer(_settings.ChunkSize, _settings.ChunkTargetTicks, _workers);
        StartLease();
        Pump();
    }

    protected override void OnReceive(object message)
    {
        if (_finished)
        {
            // Late replies of abandoned chunks and timers racing the end are dropped; an async pull
            // that was pending at the end may still have taken an input out of its source.
            if (message is PullCompleted late) OnPullCompletedAfterFinish(late.MoveNext);
            return;
        }
        switch (message)
        {
            case JobAdmitted admitted: OnAdmitted(admitted); break;
            case SyncChunk<TIn, TOut> chunk: OnSyncChunkDone(chunk); break;
            case LeaseReport<TIn, TOut> report: OnLeaseReport(report); break;
            case AsyncTaskCompleted completed: OnAsyncTaskCompleted((AsyncChunk<TIn, TOut>)completed.Chunk, completed.Offset, completed.TimedOut); break;
            case AsyncTaskTimedOut timedOut: OnAsyncTaskTimedOut((AsyncChunk<TIn, TOut>)timedOut.Chunk, timedOut.Offset); break;
            case RetryDue retry: OnRetryDue(retry.Chunk); break;
            case Resume: Pump(); break;
            case PullCompleted pull: OnPullCompleted(pull.MoveNext); break;
            case WatchdogTick: OnWatchdogTick(); break;
            case WorkersChanged: OnWorkersChanged(); break;
            case ProgressTick: ReportProgress(); break;
            case CancelJob cancel: Stop(JobOutcome.Cancelled, cancel.PoolStopping ? "the pool was stopped" : "cancelled"); break;
            case DeadlineReached: Stop(JobOutcome.DeadlineExceeded, $"deadline of {_settings.JobDeadline} exceeded"); break;
            default: Unhandled(message); break;
        }
        PublishMetrics();
    }

    protected override void PostStop()
    {
        // The job actor only stops by itself after completing; anything else (the pool stopped under
        // it, a bug) must still end the job so that no caller waits forever.
        if (!_finished) Finish(JobOutcome.Cancelled, "the job's actor stopped", new InvalidOperationException($"Job {_settings.JobId} stopped before it completed."));
    }

    private long NewChunkId() => ++_nextChunkId;

    private long InFlight => _pulled - _sink.Released;
}
