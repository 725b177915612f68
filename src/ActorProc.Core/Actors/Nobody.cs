using ActorProc.Core.Actors.SystemMessages;

namespace ActorProc.Core.Actors;

/// <summary>
/// A ref that points at no actor (e.g. the answer to <see cref="Identify"/> for a missing path's ref
/// slot, or the parent of the root). Messages sent to it are dropped to dead letters of no system.
/// </summary>
public sealed class Nobody : IActorRef
{
    /// <summary>The single instance.</summary>
    public static readonly Nobody Instance = new();

    private Nobody() { }

    /// <inheritdoc />
    public ActorPath Path { get; } = ActorPath.Root(new Address(Address.LocalProtocol, "nobody"));

    /// <summary>Drops the message: nobody is there to receive it.</summary>
    public void Tell(object message, IActorRef? sender) { }

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override string ToString() => "Nobody";
}
