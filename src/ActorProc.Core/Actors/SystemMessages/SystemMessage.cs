namespace ActorProc.Core.Actors.SystemMessages;

/// <summary>
/// Base of the runtime's control messages (create, watch, suspend, restart, terminate). They are plain
/// data so that a remote transport can serialize them, and they travel in a separate, overtaking queue
/// of the mailbox. <see cref="Next"/> makes the system queue intrusive (no node allocation); a
/// system message instance is therefore enqueued at most once.
/// </summary>
public abstract record SystemMessage
{
    /// <summary>Link used by the mailbox's system queue; not part of the message's data.</summary>
    internal SystemMessage? Next;

    /// <summary>Excludes the intrusive link from equality.</summary>
    public virtual bool Equals(SystemMessage? other) => other is not null && other.GetType() == GetType();

    /// <summary>Excludes the intrusive link from hashing.</summary>
    public override int GetHashCode() => GetType().GetHashCode();
}
