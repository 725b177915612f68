namespace ActorProc.Pools;

/// <summary>A task threw an exception classified as fatal: the worker crashes with it so its supervisor restarts it.</summary>
internal sealed class WorkerFaultedException(Exception cause)
    : Exception($"The worker ran a task that failed fatally: {cause.GetType().Name}: {cause.Message}", cause);

/// <summary>The worker ran its maximum number of tasks: it "fails" with this so its supervisor replaces the instance.</summary>
internal sealed class WorkerRecycledException(int tasks)
    : Exception($"The worker is recycled after {tasks} task(s).");
