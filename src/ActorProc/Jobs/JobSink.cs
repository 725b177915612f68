namespace ActorProc.Jobs;

/// <summary>
/// Receives the outcomes of a job from its actor and turns them into what the caller asked for (an
/// array, a report, a stream, a single result). It also owns the job's window credit: how many
/// outcomes the consumer is done with (<see cref="Released"/>).
/// <para>
/// Concurrency contract: the <c>On…</c> methods and <see cref="Complete"/> run on the job actor,
/// one at a time. <see cref="Release"/> may run on the consumer's thread (streaming sinks) or on the
/// job actor (sinks that consume at once). The job parks with <see cref="TryPark"/> when its window is
/// full; a release that sees the parked flag clears it and wakes the job with <see cref="Jobs.Resume"/>.
/// </para>
/// </summary>
internal abstract class JobSink<TIn, TOut>
{
    private long _released;
    private int _parked;
    private IActorRef? _job;

    /// <summary>True when the sink does not need per-task records of successes (the fast path may be used).</summary>
    public virtual bool AcceptsFastChunks => false;

    /// <summary>An array workers may write values into by index (list sources only), or null.</summary>
    public virtual TOut[]? DirectResults => null;

    /// <summary>True when values are not kept at all (for-each), so fast chunks need not store them.</summary>
    public virtual bool DiscardsValues => false;

    /// <summary>
    /// True when the consumer sees outcomes one by one and may lag (streams); false when the sink keeps
    /// every outcome anyway, in which case the window only needs to bound inputs that the job itself
    /// buffers (enumerated sources) and list sources run unwindowed.
    /// </summary>
    public virtual bool IsStreaming => false;

    /// <summary>How many outcomes the consumer is done with; the window is <c>pulled - Released</c>.</summary>
    public long Released => Volatile.Read(ref _released);

    /// <summary>Job actor, at start.</summary>
    public void Attach(IActorRef job) => Volatile.Write(ref _job, job);

    /// <summary>Called once with the number of inputs when it is known up front.</summary>
    public virtual void OnTotalKnown(long total) { }

    /// <summary>A task succeeded (guarded path).</summary>
    public abstract void OnSucceeded(TaskId id, TIn input, TOut value, int attempts, long durationTicks);

    /// <summary>Fast path: tasks [from, to) of <paramref name="chunk"/> succeeded except those with an error (reported separately).</summary>
    public virtual void OnFastRange(SyncChunk<TIn, TOut> chunk, int from, int to, int succeeded) => throw new NotSupportedException();

    /// <summary>Lease path: <paramref name="count"/> more tasks succeeded (their values are in <see cref="DirectResults"/> or discarded).</summary>
    public virtual void OnLeaseSucceeded(long count) => throw new NotSupportedException();

    /// <summary>A task ended in failure, timeout or cancellation.</summary>
    public abstract void OnNotSucceeded(TaskResult<TIn, TOut> result);

    /// <summary>
    /// An async pull pending when the job ended delivered <paramref name="input"/> after
    /// <see cref="Complete"/>: it was never part of the job. Job actor.
    /// </summary>
    public virtual void OnInputAfterEnd(TIn input) { }

    /// <summary>The job is over; called exactly once.</summary>
    public abstract void Complete(JobCompletion completion);

    /// <summary>Releases window space for <paramref name="count"/> outcomes the consumer is done with. Any thread.</summary>
    public void Release(long count)
    {
        Interlocked.Add(ref _released, count);
        // Only one releaser wins the exchange, so a parked job is woken once per park.
        if (Volatile.Read(ref _parked) == 1 && Interlocked.Exchange(ref _parked, 0) == 1) _job?.Tell(Resume.Instance, null);
    }

    /// <summary>
    /// Job actor: the window is full. Returns true when the job should wait for a <see cref="Jobs.Resume"/>,
    /// false when space appeared meanwhile and it can go on.
    /// </summary>
    public bool TryPark(long pulled, int window)
    {
        Interlocked.Exchange(ref _parked, 1);
        // Lost-wakeup re-check: a release between the job's last look and the flag would not have seen
        // the flag, so look at the credit again now that the flag is visible.
        if (pulled - Released < window)
        {
            Interlocked.Exchange(ref _parked, 0);
            return false;
        }
        return true;
    }
}
