using Akka.Remote;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// Takes this node down when a peer has quarantined it. A node that was frozen (SIGSTOP, a long GC
/// pause, a suspended VM) wakes up after the majority has downed and quarantined it; its own timers
/// then fire at once, and its split-brain resolver — which still counts the others as members — may
/// down *them* and carry on as a cluster of one on the same journal (seen in the isolation spec).
/// Being quarantined is final for this incarnation (Akka: "the remote actor system must be restarted
/// to recover"), so the node shuts down as if downed, before its resolver decides anything: the CLI
/// then exits 1 and a supervisor can start a fresh incarnation that joins properly.
/// </summary>
internal sealed class QuarantineWatcher : ReceiveActor
{
    public QuarantineWatcher()
    {
        var log = Context.GetLogger();
        Receive<ThisActorSystemQuarantinedEvent>(e =>
        {
            log.Warning(MembershipLogger.Prefix + "this node was quarantined by {0}: the cluster has removed it; shutting down", e.RemoteAddress);
            _ = CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClusterDowningReason.Instance);
        });
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ThisActorSystemQuarantinedEvent));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
