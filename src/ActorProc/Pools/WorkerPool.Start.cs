using ActorProc.Submissions;

namespace ActorProc.Pools;

public sealed partial class WorkerPool
{
    /// <summary>
    /// Starts one run of a job: decides how chunks run (fast or guarded), links cancellation, registers
    /// the run for draining and asks the supervisor to create its actor. Any thread.
    /// </summary>
    internal JobControl Start<TIn, TOut>(JobShared<TIn, TOut> shared, InputSource<TIn> source, JobSink<TIn, TOut> sink, CancellationToken cancellationToken)
    {
        var settings = shared.Settings;
        var control = new JobControl(settings.JobId);
        // Register before checking the state: StopAsync sets the state before it looks at the active
        // runs, so either this run sees the stop and backs out, or the stop waits for this run.
        _active.TryAdd(control, 0);
        if (Volatile.Read(ref _state) != Running)
        {
            _active.TryRemove(control, out _);
            throw Stopping();
        }
        shared.List = source.List;
        // Per-task tracking is needed for timeouts, deadlines and per-task outcomes; plain maps and
        // for-each loops without them run each chunk as one tight loop (timing each task only while a
        // listener records task durations).
        shared.Guarded = shared.IsAsync || !sink.AcceptsFastChunks || settings.TaskTimeout is not null || settings.JobDeadline is not null;
        shared.TaskTimer = !shared.Guarded && PoolMetrics.DurationsWanted ? Metrics : null;
        shared.DirectResults = shared.Guarded ? null : sink.DirectResults;
        shared.DiscardValues = sink.DiscardsValues;

        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((JobControl)s!).RequestCancel(poolStopping: false), control)
            : default;
        control.Completion.ContinueWith(completed =>
        {
            registration.Dispose();
            _active.TryRemove(control, out _);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var start = new JobStart<TIn, TOut>(shared, source, sink, control, shared.IsAsync ? _permits : null, cancellationToken, Metrics);
        // Props from type and argument: an expression-based factory would be compiled for every job.
        _supervisor.Tell(new StartJob(settings.JobId, shared.IsAsync, Props.Create(typeof(JobActor<TIn, TOut>), start)), ActorRefs.NoSender);
        return control;
    }

    private ObjectDisposedException Stopping() =>
        new(nameof(WorkerPool), $"Worker pool {_supervisor.Path.Name} is stopping; it accepts no new work.");

    /// <summary>
    /// The submission queue for sync or async tasks, started on first use (and again if its job ended
    /// while the pool runs). Under <see cref="_stopGate"/>, so that a stop either closes it or never sees it.
    /// </summary>
    private SubmissionQueue SubmissionQueueFor(bool async)
    {
        var current = async ? _asyncSubmissions : _syncSubmissions;
        if (current is { HasEnded: false }) return current;
        lock (_stopGate)
        {
            ref var slot = ref async ? ref _asyncSubmissions : ref _syncSubmissions;
            if (slot is { HasEnded: false }) return slot;
            if (Volatile.Read(ref _state) != Running) throw Stopping();
            return slot = SubmissionQueue.Start(this, _supervisor.Path.Name, async);
        }
    }

    internal JobSettings Settings(JobOptions? options) => JobSettings.Resolve(Options, options);

    /// <summary>Rejects synchronous delegates that return a task: they would run as "sync" work returning an unawaited task.</summary>
    internal static void CheckSyncDelegate<TOut>(Delegate work, string paramName)
    {
        ArgumentNullException.ThrowIfNull(work, paramName);
        var type = typeof(TOut);
        if (typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            throw new ArgumentException(
                $"The task delegate returns {type.Name}: pass an async delegate taking (input, CancellationToken) so the pool awaits it, e.g. async (x, ct) => await ...",
                paramName);
    }
}
