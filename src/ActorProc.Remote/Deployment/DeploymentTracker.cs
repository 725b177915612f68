using ActorProc.Core.Actors;

namespace ActorProc.Remote.Deployment;

/// <summary>Watches remotely deployed actors (they are outside the guardian tree) so the host forgets them when they stop.</summary>
internal sealed class DeploymentTracker : ReceiveActor
{
    private readonly Dictionary<IActorRef, Address> _parents = new();

    public DeploymentTracker(DeploymentHost host)
    {
        Receive<Track>(track =>
        {
            _parents[track.Actor] = track.ParentNode;
            Context.Watch(track.Actor);
        });
        Receive<Terminated>(terminated =>
        {
            if (_parents.Remove(terminated.ActorRef, out var parentNode)) host.Forget(terminated.ActorRef, parentNode);
        });
    }

    /// <summary>Start tracking a deployed actor whose parent lives at <paramref name="ParentNode"/>.</summary>
    public sealed record Track(IActorRef Actor, Address ParentNode);
}
