using ActorProc.Core.Actors;

namespace ActorProc.Remote;

/// <summary>
/// A system actor whose only job is to notice that the actor system is terminating: system actors stop after
/// every user actor, so when it stops, the last death notifications are already queued and remoting can flush
/// and close.
/// </summary>
internal sealed class RemotingLifecycle(RemoteActorRefProvider provider) : ActorBase
{
    protected internal override bool Receive(object message) => false;

    protected override void PostStop() => _ = provider.ShutdownAsync();
}
