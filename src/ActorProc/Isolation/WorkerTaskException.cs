namespace ActorProc.Isolation;

/// <summary>
/// A task that failed inside a worker process with an exception: its type and message cross the process
/// boundary (the exception object cannot). <see cref="Exception.Message"/> is the original message;
/// <see cref="RemoteType"/> the original type's full name, e.g. <c>System.FormatException</c>.
/// </summary>
public sealed class WorkerTaskException : Exception
{
    /// <summary>Creates the exception from what the worker process reported.</summary>
    /// <param name="remoteType">The full name of the exception type the task threw.</param>
    /// <param name="message">Its message.</param>
    public WorkerTaskException(string remoteType, string message) : base(message) => RemoteType = remoteType;

    /// <summary>The full name of the exception type the task threw in the worker process.</summary>
    public string RemoteType { get; }

    /// <summary>The simple name of <see cref="RemoteType"/> (after the last dot).</summary>
    public string RemoteTypeName => RemoteType[(RemoteType.LastIndexOf('.') + 1)..];

    /// <inheritdoc />
    public override string ToString() => $"{RemoteType} (in a worker process): {Message}";
}
