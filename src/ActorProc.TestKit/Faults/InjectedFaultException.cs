namespace ActorProc.TestKit.Faults;

/// <summary>
/// The exception a <see cref="FaultPlan{TIn,TOut}"/> throws for <see cref="FaultKind.Throw"/> when the
/// plan was given no exception of its own. Not fatal to the worker: the task fails (or is retried).
/// </summary>
public sealed class InjectedFaultException : Exception
{
    /// <summary>Creates the exception with a message naming the call.</summary>
    /// <param name="message">What was injected where.</param>
    public InjectedFaultException(string message) : base(message) { }
}
