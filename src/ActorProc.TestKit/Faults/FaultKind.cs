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
}
