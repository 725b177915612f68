using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote;

/// <summary>
/// A ref to an actor on another node. Tell queues the message on the node's association (serialized later by its
/// writer loop); Watch and Unwatch also register the pair with the remote watcher, so the watcher hears of the
/// actor's death even when its node vanishes (AddressTerminated). A ref of a remotely deployed child learns its
/// incarnation uid from the first message about it, since the other node assigns it.
/// <para>
/// Concurrency contract: any thread may use it. <see cref="_uid"/> goes from 0 to the learned uid at most once (CAS).
/// </para>
/// </summary>
internal sealed class RemoteActorRef : ActorRefBase, IActorRefWithSystem
{
    private readonly RemoteActorRefProvider _provider;
    private readonly Association _association;
    private readonly ActorPath _path;
    private readonly IInternalActorRef _parent;
    private long _uid;

    public RemoteActorRef(RemoteActorRefProvider provider, ActorPath path, long uid, IInternalActorRef? parent = null)
    {
        _provider = provider;
        _path = path;
        _uid = uid;
        _parent = parent ?? provider.System.DeadLetterRef;
        _association = provider.AssociationFor(path.Address);
        IsDeployedChild = parent is not null;
    }

    public override ActorPath Path => _path;
    public override long Uid => Volatile.Read(ref _uid);
    public override IInternalActorRef Parent => _parent;

    /// <summary>True once the node's incarnation this ref belongs to was quarantined.</summary>
    public override bool IsTerminated => _association.IsQuarantined(Uid);

    public ActorSystem System => _provider.System;

    /// <summary>True for a child deployed on the other node by a local parent.</summary>
    public bool IsDeployedChild { get; }

    public Address Address => _path.Address;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), $"A null message cannot be sent to {this}.");
        _association.Send(new OutboundEnvelope(FrameType.Message, this, message, sender));
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when watch.Watchee.Equals(this):
                _provider.Watcher.Watch(this, watch.Watcher);
                break;
            case Unwatch unwatch when unwatch.Watchee.Equals(this):
                _provider.Watcher.Unwatch(this, unwatch.Watcher);
                break;
        }
        _association.Send(new OutboundEnvelope(FrameType.SystemMessage, this, message, null));
    }

    /// <summary>Records the uid the other node gave this (deployed) actor; later values are ignored.</summary>
    public void LearnUid(long uid)
    {
        if (uid != 0) Interlocked.CompareExchange(ref _uid, uid, 0);
    }
}
