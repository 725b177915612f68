namespace ActorProc.Core.Actors;

/// <summary>Shared equality and formatting for the built-in refs: equal when path and incarnation uid match.</summary>
internal abstract class ActorRefBase : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>The incarnation uid; 0 for refs that have none (dead letters, nobody).</summary>
    public abstract long Uid { get; }

    public abstract IInternalActorRef Parent { get; }
    public abstract bool IsTerminated { get; }
    public abstract void Tell(object message, IActorRef? sender);
    public abstract void SendSystemMessage(SystemMessages.SystemMessage message);
    public virtual void Stop() => SendSystemMessage(new SystemMessages.Terminate());

    public bool Equals(IActorRef? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Path.Equals(other.Path) && (other is not ActorRefBase b || b.Uid == Uid)));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);
    public override int GetHashCode() => Path.GetHashCode();
    public override string ToString() => Uid == 0 ? $"[{Path}]" : $"[{Path}#{Uid}]";
}
