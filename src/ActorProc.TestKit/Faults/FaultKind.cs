namespace ActorProc.TestKit.Faults;

/// <summary>What a <see cref="FaultPlan{TIn,TOut}"/> did to one call of the work.</summary>
public enum FaultKind
{
    /// <summary>The call threw an exception (an <see cref="InjectedFaultException"/> unless the plan gave another).</summary>
    Throw,

    /// <summary>The call blocked until the plan released its hangs (or, for async work, the job cancelled the call).</summary>
    Hang,

    /// <summary>The call waited a delay, then ran the work.</summary>
    Slow,

    /// <summary>The call threw an <see cref="InjectedWorkerCrashException"/>, which a pool set up with <see cref="FaultOptionsExtensions.WithCrashesFatal"/> treats as fatal: the worker is restarted.</summary>
    CrashWorker,

    /// <summary>
    /// The call ended its whole process with <see cref="Environment.FailFast(string)"/> (SIGABRT on Unix):
    /// only in a process-isolated worker (<see cref="Isolation.WorkerProcess.IsWorker"/>); anywhere else it
    /// throws an <see cref="InvalidOperationException"/> instead of ending the process running the tests.
    /// </summary>
    FailFastWorkerProcess,

    /// <summary>
    /// The call killed its whole process (SIGKILL on Unix, TerminateProcess on Windows): only in a
    /// process-isolated worker, like <see cref="FailFastWorkerProcess"/>.
    /// </summary>
    KillWorkerProcess,
}
