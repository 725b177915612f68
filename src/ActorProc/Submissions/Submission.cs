namespace ActorProc.Submissions;

/// <summary>
/// One task given to <c>WorkerPool.Submit</c>, travelling as an input of the pool's long-running
/// submission job (see <see cref="SubmissionQueue"/>). The job's task delegate runs it
/// (<see cref="Run"/> / <see cref="RunAsync"/>); the job's sink completes it with the outcome.
/// <para>
/// Concurrency contract: <see cref="Run"/>/<see cref="RunAsync"/> run on a worker (one attempt at a
/// time: the job never runs two attempts of a task at once); <c>Complete…</c> run on the job actor;
/// <see cref="Cancel"/> runs on any thread. The outcome is set once, by whoever comes first
/// (TrySetResult); a cancelled submission that has not started never starts.
/// </para>
/// </summary>
internal abstract class Submission(TaskId id)
{
    private volatile bool _cancelled;

    public TaskId Id { get; } = id;

    protected bool IsCancelled => _cancelled;

    /// <summary>Worker: runs a synchronous task and keeps its value; throws what the task throws.</summary>
    public abstract void Run();

    /// <summary>Worker: starts an asynchronous task and keeps its value; faults as the task faults.</summary>
    public abstract Task RunAsync(CancellationToken jobToken);

    /// <summary>Job actor: the last attempt succeeded.</summary>
    public abstract void CompleteSucceeded(int attempts, long durationTicks);

    /// <summary>Job actor: the task failed, timed out or was cancelled after its attempts.</summary>
    public abstract void CompleteNotSucceeded(TaskOutcome status, Exception? error, int attempts, TimeSpan duration);

    /// <summary>Any thread: the task will not start if it has not yet; a running async task's token is cancelled.</summary>
    public void Cancel()
    {
        _cancelled = true;
        OnCancelled();
    }

    protected abstract void OnCancelled();
}
