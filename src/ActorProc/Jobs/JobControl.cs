namespace ActorProc.Jobs;

/// <summary>
/// The link between a running job and the outside: cancellation requests (which may arrive before the
/// job's actor exists) and the job's completion, which the pool awaits when it drains.
/// <para>
/// Concurrency contract: <see cref="RequestCancel"/> from any thread, <see cref="Attach"/> once from the
/// job actor. Each side writes its own field with a full fence and then reads the other's, so at least
/// one of them sees both and tells the actor (a duplicate <see cref="CancelJob"/> is harmless).
/// The metrics gauges are written by the job actor (<see cref="PublishGauges"/>) and read by a metrics
/// collector on any thread, each with a volatile access: a reader sees each value as of some message.
/// </para>
/// </summary>
internal sealed class JobControl(string jobId)
{
    private const int None = 0, Cancelled = 1, PoolStopping = 2;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IActorRef? _actor;
    private int _cancel;

    public string JobId { get; } = jobId;

    private long _queuedTasks;
    private long _inFlightTasks;

    /// <summary>Tasks of the job waiting for a worker, as last published by the job actor (metrics).</summary>
    public long QueuedTasks => Volatile.Read(ref _queuedTasks);

    /// <summary>Tasks of the job handed to workers and not finished, as last published by the job actor (metrics).</summary>
    public long InFlightTasks => Volatile.Read(ref _inFlightTasks);

    /// <summary>Job actor: publishes its gauges for the pool's observable instruments.</summary>
    public void PublishGauges(long queued, long inFlight)
    {
        Volatile.Write(ref _queuedTasks, queued);
        Volatile.Write(ref _inFlightTasks, inFlight);
    }

    /// <summary>Completes when the job is over (never faults).</summary>
    public Task Completion => _completion.Task;

    public void Attach(IActorRef actor)
    {
        Interlocked.Exchange(ref _actor, actor);
        var cancel = Volatile.Read(ref _cancel);
        if (cancel != None) actor.Tell(new CancelJob(cancel == PoolStopping), null);
    }

    public void RequestCancel(bool poolStopping)
    {
        Interlocked.CompareExchange(ref _cancel, poolStopping ? PoolStopping : Cancelled, None);
        Volatile.Read(ref _actor)?.Tell(new CancelJob(poolStopping), null);
    }

    public void MarkCompleted() => _completion.TrySetResult();
}
