namespace ActorProc.Jobs;

/// <summary>
/// A batch of tasks of one job, sent through the pool's router to a worker. The worker only calls
/// <see cref="Run"/>; the chunk knows its job's types, runs its tasks and reports to its job itself.
/// This double dispatch keeps the worker actor free of generics, so one pool serves jobs of any types.
/// </summary>
internal abstract class WorkChunk
{
    protected WorkChunk(IActorRef job, long id, long baseIndex, int count, int attempt)
    {
        Job = job;
        Id = id;
        BaseIndex = baseIndex;
        Count = count;
        Attempt = attempt;
    }

    /// <summary>The job actor that dispatched the chunk and receives its outcome.</summary>
    public IActorRef Job { get; }

    /// <summary>Unique within the job.</summary>
    public long Id { get; }

    /// <summary>Index of the chunk's first task in the job's inputs; the chunk covers <c>[BaseIndex, BaseIndex + Count)</c>.</summary>
    public long BaseIndex { get; }

    /// <summary>Number of tasks in the chunk.</summary>
    public int Count { get; }

    /// <summary>The attempt number (1-based) every task of this chunk is on.</summary>
    public int Attempt { get; }

    /// <summary>The worker that started the chunk (null until then); written before any task starts.</summary>
    public IActorRef? Worker { get; protected set; }

    /// <summary>
    /// Worker thread: runs (sync) or starts (async) the chunk's tasks and reports to <see cref="Job"/>.
    /// Returns the exception of a task that must kill the worker, or null.
    /// </summary>
    /// <param name="worker">The worker running the chunk.</param>
    /// <param name="counters">The pool's counters: tasks are added to them before they are reported to
    /// the job, so that a job's completion implies its tasks are counted.</param>
    /// <param name="tasksRun">How many tasks were started, for recycling after MaxTasksPerWorker.</param>
    public abstract Exception? Run(IActorRef worker, PoolCounters counters, out int tasksRun);
}
