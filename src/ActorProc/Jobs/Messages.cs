namespace ActorProc.Jobs;

/// <summary>The pool supervisor admitted the job: chunks go to <paramref name="Router"/> (the pool's sync or async workers), which has <paramref name="Workers"/> routees.</summary>
internal sealed record JobAdmitted(IActorRef Router, int Workers);

/// <summary>An async task finished (any outcome); its slot in the chunk holds the value or error.</summary>
internal sealed record AsyncTaskCompleted(WorkChunk Chunk, int Offset, bool TimedOut);

/// <summary>An async task's timeout fired before it finished.</summary>
internal sealed record AsyncTaskTimedOut(WorkChunk Chunk, int Offset);

/// <summary>The backoff of a failed task is over: dispatch its next attempt.</summary>
internal sealed record RetryDue(WorkChunk Chunk);

/// <summary>Stop the job: its token was cancelled, or the pool is stopping.</summary>
internal sealed record CancelJob(bool PoolStopping);

/// <summary>The job's deadline passed.</summary>
internal sealed class DeadlineReached
{
    public static readonly DeadlineReached Instance = new();
}

/// <summary>Periodic check for tasks past their timeout.</summary>
internal sealed class WatchdogTick
{
    public static readonly WatchdogTick Instance = new();
}

/// <summary>Periodic progress report.</summary>
internal sealed class ProgressTick
{
    public static readonly ProgressTick Instance = new();
}

/// <summary>The consumer released window space, or async permits became free: try to dispatch more.</summary>
internal sealed class Resume
{
    public static readonly Resume Instance = new();
}

/// <summary>A pending <c>MoveNextAsync</c> of an async source finished.</summary>
internal sealed record PullCompleted(Task<bool> MoveNext);

/// <summary>
/// Sent by the pool supervisor to every job after it replaced a stuck worker: chunks queued in the
/// stuck worker's mailbox will never run, so jobs take back every chunk that has not started and
/// dispatch it again.
/// </summary>
internal sealed class WorkersChanged
{
    public static readonly WorkersChanged Instance = new();
}

/// <summary>Tells a worker to crash with <paramref name="Cause"/> (an async task failed fatally), so its supervisor restarts it.</summary>
internal sealed record CrashWorker(Exception Cause);
