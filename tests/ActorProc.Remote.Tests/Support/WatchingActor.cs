using ActorProc.Core.Actors;

namespace ActorProc.Remote.Tests.Support;

/// <summary>
/// Watches <c>target</c> and reports its <see cref="Terminated"/> to <c>report</c>, wrapped in <see cref="Observed"/>
/// (a bare Terminated is only delivered to actors that watch the dead actor themselves).
/// </summary>
public sealed class WatchingActor : ReceiveActor
{
    public WatchingActor(IActorRef target, IActorRef report)
    {
        Context.Watch(target);
        Receive<Terminated>(t => report.Tell(new Observed(t), Self));
        Receive<string>(s => report.Tell(s, Self));
    }

    /// <summary>A Terminated seen by a watcher.</summary>
    public sealed record Observed(Terminated Terminated);
}
