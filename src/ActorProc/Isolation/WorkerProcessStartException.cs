namespace ActorProc.Isolation;

/// <summary>
/// The failure of a task that could not run because no worker process would start: the last
/// <see cref="WorkerIsolation.MaxStartFailures"/> starts in a row failed and none is running. The message
/// gives the last start's cause (the program not found, an exit before registering, the start timeout).
/// </summary>
public sealed class WorkerProcessStartException : Exception
{
    /// <summary>Creates the exception with the cause of the last failed start.</summary>
    /// <param name="message">What went wrong.</param>
    public WorkerProcessStartException(string message) : base(message) { }
}
