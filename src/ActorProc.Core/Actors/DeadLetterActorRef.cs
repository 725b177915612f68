using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Core.Events;

namespace ActorProc.Core.Actors;

/// <summary>
/// The system's dead-letter office: anything told to it is published on the event stream as a
/// <see cref="DeadLetter"/> (and logged, rate-limited, by the dead-letter listener). A
/// <see cref="Watch"/> system message sent here is answered with an immediate termination notice,
/// so watching a dead actor always yields exactly one <see cref="Terminated"/>.
/// </summary>
internal sealed class DeadLetterActorRef : ActorRefBase
{
    private readonly ActorSystem _system;
    private readonly ActorPath _path;

    public DeadLetterActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        _path = path;
    }

    public override ActorPath Path => _path;
    public override long Uid => 0;
    public override IInternalActorRef Parent => this;
    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender) => Publish(message, sender, this);

    /// <summary>Publishes an undeliverable message, remembering whom it was meant for.</summary>
    public void Publish(object message, IActorRef? sender, IActorRef recipient)
    {
        switch (message)
        {
            case DeadLetter dl:
                _system.EventStream.Publish(dl);
                break;
            case Identify identify:
                // Identify must always be answered, also for a dead target.
                sender?.Tell(new ActorIdentity(identify.MessageId, null), Nobody.Instance);
                break;
            default:
                _system.EventStream.Publish(new DeadLetter(message, sender ?? Nobody.Instance, recipient));
                break;
        }
    }

    public override void SendSystemMessage(SystemMessage message) => SystemMessageToDeadActor(message, this);

    /// <summary>What a system message sent to a dead actor turns into.</summary>
    public void SystemMessageToDeadActor(SystemMessage message, IActorRef deadActor)
    {
        switch (message)
        {
            case Watch watch when !watch.Watcher.Equals(deadActor):
                // The watched actor is already gone: answer at once, as if it had died just now.
                ((IInternalActorRef)watch.Watcher).SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false));
                break;
            case DeathWatchNotification or Unwatch or Terminate or Supervise or Failed:
                // Nothing left to do for a dead actor.
                break;
            default:
                _system.EventStream.Publish(new DeadLetter(message, Nobody.Instance, deadActor));
                break;
        }
    }
}
