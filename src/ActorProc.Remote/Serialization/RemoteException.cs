namespace ActorProc.Remote.Serialization;

/// <summary>
/// An exception that happened on another node, as it arrives here (in <c>Status.Failure</c>, or as the cause
/// of a remote child's failure). Exception types are not deserialized from the wire, so only the original
/// type's name and message travel; supervisor deciders that match on the type should match on
/// <see cref="OriginalType"/> for remote children.
/// </summary>
public sealed class RemoteException : Exception
{
    /// <summary>Creates the local stand-in of a remote exception.</summary>
    public RemoteException(string originalType, string message) : base($"{originalType}: {message}")
    {
        OriginalType = originalType;
        OriginalMessage = message;
    }

    /// <summary>The full name of the exception's type on the node where it was thrown.</summary>
    public string OriginalType { get; }

    /// <summary>The exception's message on the node where it was thrown.</summary>
    public string OriginalMessage { get; }
}
