namespace ActorProc.Core.Actors;

/// <summary>
/// A handle to an actor, the only way to talk to it. Refs are cheap, thread-safe and can be shared
/// freely (also inside messages). A ref to a stopped actor stays valid: messages sent to it go to
/// dead letters. Refs are equal when they point at the same incarnation of the same path.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>The actor's path.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends <paramref name="message"/> asynchronously (fire-and-forget, at-most-once). Never throws
    /// and never blocks; if the actor is gone the message goes to dead letters.
    /// </summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The ref the receiver sees as <c>Sender</c>; null for "no sender".</param>
    void Tell(object message, IActorRef? sender);
}
