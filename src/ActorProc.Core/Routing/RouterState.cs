namespace ActorProc.Core.Routing;

/// <summary>
/// What one router shares between its ref (routing on sender threads) and its actor (management): the
/// configuration, the routing logic and the current routee snapshot. It outlives restarts of the router actor.
/// <para>
/// Concurrency contract: <see cref="_snapshot"/> is replaced as a whole (Volatile.Write) only by the router
/// actor's thread, or by the creating thread before any routed message can arrive; any thread reads it with
/// Volatile.Read and routes with what it read, so a message races with a routee change at most by going to the
/// old set. <see cref="_routedCount"/> and <see cref="_resizeInProgress"/> are changed with Interlocked only;
/// the latter is 1 from the moment a resize is requested until the router actor has handled it, so at most
/// one <see cref="ResizeRequest"/> is in flight.
/// </para>
/// </summary>
internal sealed class RouterState
{
    private RouteeSnapshot _snapshot = RouteeSnapshot.Empty;
    private long _routedCount;
    private int _resizeInProgress;
    private long _routeeNames;

    public RouterState(ActorSystem system, RouterConfig config, Props routeeProps)
    {
        System = system;
        Config = config;
        RouteeProps = routeeProps;
        Logic = config.CreateLogic();
        Resizer = (config as Pool)?.Resizer;
    }

    public ActorSystem System { get; }
    public RouterConfig Config { get; }

    /// <summary>Props of pool routees (with the pool's routee dispatcher applied).</summary>
    public Props RouteeProps { get; }

    public RoutingLogic Logic { get; }
    public Resizer? Resizer { get; }

    /// <summary>The router's ref; set once by the factory right after construction.</summary>
    public RoutedActorRef Self { get; set; } = null!;

    public RouteeSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Publishes a new routee set (router actor's thread, or the creating thread before start).</summary>
    public void SetMembers(IActorRef[] members) =>
        Volatile.Write(ref _snapshot, members.Length == 0 ? RouteeSnapshot.Empty : new RouteeSnapshot(members, Logic.CreateState(members)));

    /// <summary>Routes one message with the current routees; any thread.</summary>
    public void Route(object message, IActorRef? sender) => Route(message, sender, Snapshot);

    /// <summary>Routes one message with an already read snapshot; any thread.</summary>
    public void Route(object message, IActorRef? sender, RouteeSnapshot snapshot)
    {
        Logic.Send(message, sender, snapshot, this);
        if (Resizer is not null) CountTowardsResize(Resizer);
    }

    /// <summary>No routee can take the message: it becomes a dead letter addressed to the router.</summary>
    public void NoRoutee(object message, IActorRef? sender) => System.DeadLetterRef.Publish(message, sender, Self);

    /// <summary>The next routee name: <c>$a</c>, <c>$b</c>, ... (unique per router, also across restarts).</summary>
    public string NextRouteeName() => "$" + ActorNames.Base64(Interlocked.Increment(ref _routeeNames) - 1);

    /// <summary>Called by the router actor once it has handled a <see cref="ResizeRequest"/>.</summary>
    public void ResizeFinished() => Volatile.Write(ref _resizeInProgress, 0);

    private void CountTowardsResize(Resizer resizer)
    {
        var count = Interlocked.Increment(ref _routedCount) - 1;
        if (resizer.IsTimeForResize(count) && !Self.IsTerminated && Interlocked.CompareExchange(ref _resizeInProgress, 1, 0) == 0)
            Self.Tell(ResizeRequest.Instance, null);
    }
}
