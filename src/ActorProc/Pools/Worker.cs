using ActorProc.Jobs;

namespace ActorProc.Pools;

/// <summary>
/// A worker of a pool: runs the chunks routed to it, one at a time. It knows nothing of job types (a
/// chunk runs itself, see <see cref="WorkChunk"/>). A fatal task makes it crash so its supervisor
/// restarts it (a fresh instance; queued chunks stay in the mailbox); after
/// <see cref="WorkerPoolOptions.MaxTasksPerWorker"/> tasks it is restarted the same way.
/// </summary>
internal sealed class Worker(PoolCounters counters, int? maxTasks) : UntypedActor
{
    private int _tasksRun;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WorkChunk chunk:
                var fatal = chunk.Run(Self, counters, out var run);
                _tasksRun += run;
                if (fatal is not null) Crash(fatal);
                if (maxTasks is { } max && _tasksRun >= max) throw new WorkerRecycledException(_tasksRun);
                break;
            case CrashWorker crash:
                Crash(crash.Cause);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostRestart(Exception reason)
    {
        if (reason is WorkerRecycledException) counters.WorkerRecycled();
        else counters.WorkerRestarted();
    }

    private void Crash(Exception cause)
    {
        Context.GetLogger().Warning("Worker {0} is restarted: a task failed fatally with {1}: {2}", Self.Path, cause.GetType().Name, cause.Message);
        throw new WorkerFaultedException(cause);
    }

    /// <summary>
    /// How the pool supervises workers: restart after a fatal task or for recycling (quietly — the worker
    /// logs fatal tasks itself), stop on anything else (a bug in a worker is not fixed by restarting).
    /// </summary>
    public static SupervisorStrategy Strategy { get; } = new OneForOneStrategy(-1, -1,
        static cause => cause is WorkerFaultedException or WorkerRecycledException ? Directive.Restart : Directive.Stop,
        loggingEnabled: false);
}
