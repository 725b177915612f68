namespace ActorProc.Isolation;

/// <summary>
/// The pool's handle on its <see cref="WorkerProcessSet"/>: runs one named task in a worker process.
/// <para>
/// Concurrency contract: <see cref="RunAsync"/> is called by the pool's async workers on any threads;
/// ids come from an atomic counter; everything else happens in the set's actor. Completion sources run
/// their continuations asynchronously, so no caller's code runs on the actor's thread.
/// </para>
/// </summary>
internal sealed class IsolatedTaskRunner(IActorRef processSet)
{
    private long _nextId;

    public IActorRef ProcessSet { get; } = processSet;

    /// <summary>The task's JSON output; faults with the task's error as a <see cref="WorkerTaskException"/>, or a <see cref="WorkerProcessExitedException"/>; cancelled with <paramref name="cancellationToken"/> (which kills the process running it).</summary>
    public Task<string> RunAsync(string taskName, string input, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<string>(cancellationToken);
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        ProcessSet.Tell(new RunIsolated(id, taskName, input, completion, cancellationToken), ActorRefs.NoSender);
        if (!cancellationToken.CanBeCanceled) return completion.Task;
        var registration = cancellationToken.UnsafeRegister(static s =>
        {
            var (set, taskId) = ((IActorRef, long))s!;
            set.Tell(new CancelIsolated(taskId), ActorRefs.NoSender);
        }, (ProcessSet, id));
        completion.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return completion.Task;
    }
}
