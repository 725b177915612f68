using ActorProc.Core.Actors.SystemMessages;

namespace ActorProc.Core.Actors;

/// <summary>
/// A ref to an actor in this process: a thin handle over its <see cref="ActorCell"/>. Not sealed only so that
/// <see cref="RoutedActorRef"/> can route on the sender's thread while staying a local ref for everything else.
/// </summary>
internal class LocalActorRef : ActorRefBase
{
    private readonly ActorPath _path;

    public LocalActorRef(ActorPath path, ActorCell cell)
    {
        _path = path;
        Cell = cell;
    }

    public ActorCell Cell { get; }
    public override ActorPath Path => _path;
    public override long Uid => Cell.Uid;
    public override IInternalActorRef Parent => Cell.Parent;
    public override bool IsTerminated => Cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), $"A null message cannot be sent to {this}.");
        Cell.Mailbox.Post(new Envelope(message, sender));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);

    public override void Stop() => Cell.Mailbox.RequestTerminate();
}
