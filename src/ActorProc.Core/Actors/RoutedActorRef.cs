namespace ActorProc.Core.Actors;

/// <summary>
/// The ref <c>ActorOf</c> returns for an actor with a router. <see cref="Tell"/> applies the routing logic on
/// the sender's thread to the current routee snapshot and tells the chosen routee(s) directly, keeping the
/// original sender, so routed messages never queue at the router actor; a <see cref="Broadcast"/> is sent to
/// every routee the same way (as in Akka), which keeps it in order with the sender's other messages.
/// Management messages (<see cref="IRouterControlMessage"/>: GetRoutees, AddRoutee, RemoveRoutee, AdjustPoolSize),
/// auto-received messages (PoisonPill, Kill, Identify, ...) and system messages go to the router actor's
/// mailbox like for any local actor; so do ordinary messages while the router has no routees (they wait there
/// during a restart, and become dead letters once it has stopped). Equal to the router actor's own ref
/// (same path and incarnation), so death watch and supervision treat both alike.
/// <para>
/// Concurrency contract: any thread may call <see cref="Tell"/>; it reads the snapshot once (Volatile.Read in
/// <see cref="RouterState"/>) and never blocks or allocates beyond what the routing logic and the routee's
/// mailbox do. <see cref="Start"/> is called once, by the creating thread, before the ref is handed out.
/// </para>
/// </summary>
internal sealed class RoutedActorRef : LocalActorRef
{
    private readonly RouterState _router;

    public RoutedActorRef(ActorPath path, ActorCell cell, RouterState router) : base(path, cell) => _router = router;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), $"A null message cannot be sent to {this}.");
        if (message is IRouterControlMessage or IAutoReceivedMessage)
        {
            if (message is not Broadcast broadcast || !TryBroadcast(broadcast, sender)) base.Tell(message, sender);
            return;
        }
        var snapshot = _router.Snapshot;
        if (snapshot.Members.Length == 0 || Cell.IsTerminated)
        {
            base.Tell(message, sender);
            return;
        }
        _router.Route(message, sender, snapshot);
    }

    /// <summary>
    /// Sends a broadcast's message to every routee from this thread, so it keeps its order with the same
    /// sender's routed messages (a detour through the router actor would let later messages overtake it).
    /// </summary>
    private bool TryBroadcast(Broadcast broadcast, IActorRef? sender)
    {
        var members = _router.Snapshot.Members;
        if (members.Length == 0 || Cell.IsTerminated) return false;
        foreach (var routee in members) routee.Tell(broadcast.Message, sender);
        return true;
    }

    /// <summary>
    /// Starts the router actor, then creates the pool's routees (or looks up the group's paths) on this thread,
    /// so that messages told right after <c>ActorOf</c> returns already have routees. If creating a routee
    /// fails, the router is stopped (with the routees made so far) and the exception propagates.
    /// </summary>
    public void Start()
    {
        Cell.Start();
        try
        {
            var members = _router.Config is Pool pool
                ? RouterActor.CreateRoutees(Cell, _router, pool.NrOfInstances)
                : RouterFactory.ResolveGroup(_router);
            _router.SetMembers(members);
        }
        catch
        {
            Stop();
            throw;
        }
        // The actor may already be running; it watches the initial routees once this reaches it.
        base.Tell(WatchInitialRoutees.Instance, null);
    }
}
