namespace ActorProc.TestKit.Faults;

/// <summary>Pool settings that let fault plans crash workers.</summary>
public static class FaultOptionsExtensions
{
    /// <summary>
    /// <paramref name="options"/> with <see cref="InjectedWorkerCrashException"/> classified as fatal, in
    /// addition to whatever <see cref="WorkerPoolOptions.FatalExceptions"/> already was: a task that a
    /// plan crashes restarts its worker and is re-dispatched while attempts remain.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static WorkerPoolOptions WithCrashesFatal(this WorkerPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.FatalExceptions;
        return options with { FatalExceptions = previous is null ? IsInjectedCrash : e => IsInjectedCrash(e) || previous(e) };
    }

    /// <summary>True for the exception a plan throws to crash a worker.</summary>
    public static bool IsInjectedCrash(Exception exception) => exception is InjectedWorkerCrashException;
}
