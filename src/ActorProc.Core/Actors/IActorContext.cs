namespace ActorProc.Core.Actors;

/// <summary>A message handler: returns true when it handled the message.</summary>
public delegate bool Receive(object message);

/// <summary>
/// What an actor can see and do about itself while it processes a message: its own ref, the sender,
/// its parent and children, creating and stopping actors, death watch, behaviour changes and the
/// receive timeout. Only use it from inside the actor (never from another thread or a callback that
/// outlives the message, such as a <c>ContinueWith</c>).
/// </summary>
public interface IActorContext
{
    /// <summary>The actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed (dead letters when there was none).</summary>
    IActorRef Sender { get; }

    /// <summary>The parent (supervisor) of this actor.</summary>
    IActorRef Parent { get; }

    /// <summary>The actor system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The living children of this actor (a snapshot).</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The child with the given name, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates a child actor supervised by this actor.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="props"/> is null.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child (or this actor itself) asynchronously; a no-op for other actors' refs.</summary>
    void Stop(IActorRef actor);

    /// <summary>Watches <paramref name="actor"/>: exactly one <see cref="Terminated"/> arrives when it stops (at once if it is already dead).</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Watches <paramref name="actor"/>, delivering <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef actor, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued but not yet processed is dropped.</summary>
    IActorRef Unwatch(IActorRef actor);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last by <see cref="BecomeStacked"/>.</summary>
    void UnbecomeStacked();

    /// <summary>
    /// Delivers <see cref="ActorProc.Core.Actors.ReceiveTimeout"/> after <paramref name="timeout"/> without any
    /// message (messages marked <see cref="INotInfluenceReceiveTimeout"/> do not count); null turns it off.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The current receive timeout, or null when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Looks up actors by path, relative to this actor or absolute.</summary>
    ActorSelection ActorSelection(string path);

    /// <summary>A logger whose source is this actor.</summary>
    ILoggingAdapter GetLogger();
}
