namespace ActorProc.TestKit.Faults;

/// <summary>
/// The exception a <see cref="FaultPlan{TIn,TOut}"/> throws for <see cref="FaultKind.CrashWorker"/>. It
/// crashes the worker only when the pool classifies it as fatal: create the pool with
/// <c>options.WithCrashesFatal()</c> (<see cref="FaultOptionsExtensions.WithCrashesFatal"/>), otherwise
/// it is an ordinary task failure.
/// </summary>
public sealed class InjectedWorkerCrashException : Exception
{
    /// <summary>Creates the exception with a message naming the call.</summary>
    /// <param name="message">What was injected where.</param>
    public InjectedWorkerCrashException(string message) : base(message) { }
}
