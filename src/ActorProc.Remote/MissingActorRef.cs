using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;

namespace ActorProc.Remote;

/// <summary>
/// What a path of this node resolves to when no actor (or not that incarnation) lives there: messages go to dead
/// letters naming the path, and a Watch is answered at once with a termination notice.
/// </summary>
internal sealed class MissingActorRef(ActorSystem system, ActorPath path, long uid) : ActorRefBase
{
    public override ActorPath Path => path;
    public override long Uid => uid;
    public override IInternalActorRef Parent => system.DeadLetterRef;
    public override bool IsTerminated => true;
    public override void Tell(object message, IActorRef? sender) => system.DeadLetterRef.Publish(message, sender, this);
    public override void SendSystemMessage(SystemMessage message) => system.DeadLetterRef.SystemMessageToDeadActor(message, this);
}
