namespace ActorProc.Core.Actors;

/// <summary>
/// Base of every actor. An actor is created only through <see cref="Props"/> and
/// <c>ActorOf</c>, processes one message at a time, and may keep mutable state without locks because
/// nothing else touches it. Override <see cref="Receive"/> (or derive from <see cref="ReceiveActor"/>
/// or <see cref="UntypedActor"/>) and the lifecycle hooks.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    /// <exception cref="ActorInitializationException">The actor is created with <c>new</c> instead of through Props.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.CreatingCell ?? throw new ActorInitializationException(null,
            $"Actor type {GetType().FullName} was constructed directly; actors are created with ActorOf(Props.Create<{GetType().Name}>()).", null);
    }

    /// <summary>The actor's context: self, sender, children, watch, behaviour changes.</summary>
    protected IActorContext Context => _cell;

    /// <summary>The actor's own ref.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message; returns false when the message was not handled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>
    /// Called for messages no handler took. A <see cref="Terminated"/> nobody handles fails the actor
    /// with <see cref="DeathPactException"/>; anything else is published as an
    /// <see cref="UnhandledMessage"/> and logged like a dead letter.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated) throw new DeathPactException(terminated.ActorRef);
        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.Sender, _cell.Self));
    }

    internal void InvokeUnhandled(object message) => Unhandled(message);

    /// <summary>Called once, after creation and before the first message.</summary>
    protected virtual void PreStart() { }

    /// <summary>Called once, after the actor stopped (its children have stopped before).</summary>
    protected virtual void PostStop() { }

    /// <summary>
    /// Called on the failed instance before a restart. The default stops all children and calls
    /// <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.Children) _cell.Stop(child);
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// The strategy this actor applies to its failing children. The default restarts on any exception
    /// and stops on <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/>. <see cref="Props.WithSupervisorStrategy"/> takes precedence.
    /// </summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.DefaultStrategy;

    internal void AroundPreStart() => PreStart();
    internal void AroundPostStop() => PostStop();
    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);
    internal void AroundPostRestart(Exception reason) => PostRestart(reason);
    internal SupervisorStrategy GetSupervisorStrategy() => SupervisorStrategy();
}
