namespace ActorProc.Core.Routing;

/// <summary>
/// The actor behind a router ref. Ordinary messages normally bypass it (the ref routes on the sender's
/// thread); it handles management messages, death watch of routees, resizing, and routes whatever reaches its
/// mailbox anyway (messages sent through an <see cref="ActorSelection"/>, or while the routee set is empty).
/// For a pool it is the routees' parent and supervisor (its props carry the pool's strategy).
/// <para>
/// Restart: the default <c>PreRestart</c> stops all routees (a restarted router starts from a clean pool, as
/// in Akka), <see cref="PostStop"/> empties the snapshot so routed messages wait in this mailbox meanwhile, and
/// <see cref="PostRestart"/> creates fresh pool routees or looks the group paths up again. Routees added with
/// <see cref="AddRoutee"/> are not restored.
/// </para>
/// </summary>
internal sealed class RouterActor(RouterState router) : ActorBase
{
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case GetRoutees:
                Sender.Tell(new Routees(PublicMembers()), Self);
                break;
            case AddRoutee add:
                Add(add.Routee);
                break;
            case RemoveRoutee remove:
                Remove(remove.Routee, stopChild: true);
                StopIfAllRouteesRemoved();
                break;
            case AdjustPoolSize adjust:
                Adjust(adjust.Change);
                break;
            case Broadcast broadcast:
                foreach (var routee in router.Snapshot.Members) routee.Tell(broadcast.Message, Sender);
                break;
            case Terminated terminated:
                Remove(terminated.ActorRef, stopChild: false);
                StopIfAllRouteesRemoved();
                break;
            case ResizeRequest:
                Resize();
                break;
            case WatchInitialRoutees:
                foreach (var routee in router.Snapshot.Members) WatchRoutee(routee);
                break;
            default:
                router.Route(message, Sender);
                break;
        }
        return true;
    }

    protected override void PostStop() => router.SetMembers([]);

    protected override void PostRestart(Exception reason)
    {
        var members = router.Config is Pool pool ? CreateRoutees(pool.NrOfInstances) : RouterFactory.ResolveGroup(router);
        router.SetMembers(members);
        foreach (var routee in members) WatchRoutee(routee);
    }

    /// <summary>New pool routees, created as children of this actor (any thread before start, else this actor's).</summary>
    internal static IActorRef[] CreateRoutees(ActorCell routerCell, RouterState router, int count)
    {
        var routees = new IActorRef[count];
        for (var i = 0; i < count; i++) routees[i] = routerCell.CreateChild(router.RouteeProps, router.NextRouteeName());
        return routees;
    }

    private IActorRef[] CreateRoutees(int count) => CreateRoutees(Cell, router, count);

    private IReadOnlyList<IActorRef> PublicMembers()
    {
        var members = router.Snapshot.Members;
        var result = new IActorRef[members.Length];
        for (var i = 0; i < members.Length; i++)
            result[i] = members[i] is GroupRoutee group ? group.Current ?? group : members[i];
        return Array.AsReadOnly(result);
    }

    private void Add(IActorRef routee)
    {
        var members = router.Snapshot.Members;
        if (IndexOf(members, routee) >= 0) return;
        router.SetMembers([.. members, routee]);
        WatchRoutee(routee);
    }

    /// <summary>Drops the member equal to <paramref name="routee"/>; on RemoveRoutee a pool child is also stopped after its queued messages.</summary>
    private void Remove(IActorRef routee, bool stopChild)
    {
        var members = router.Snapshot.Members;
        var index = IndexOf(members, routee);
        if (index < 0) return;
        var removed = members[index];
        router.SetMembers([.. members[..index], .. members[(index + 1)..]]);
        if (!stopChild) return; // a Terminated routee: its watch is already gone
        Context.Unwatch(removed);
        if (Cell.GetChildStats(removed) is not null) removed.Tell(PoisonPill.Instance, Self);
    }

    /// <summary>Grows or shrinks a pool; groups ignore it. Shrinking removes the newest routees first.</summary>
    private void Adjust(int change)
    {
        if (router.Config is not Pool || change == 0) return;
        if (change > 0)
        {
            var added = CreateRoutees(change);
            router.SetMembers([.. router.Snapshot.Members, .. added]);
            foreach (var routee in added) WatchRoutee(routee);
            return;
        }
        var members = router.Snapshot.Members;
        var keep = Math.Max(0, members.Length + change);
        router.SetMembers(members[..keep]);
        foreach (var routee in members[keep..])
        {
            if (routee is IInternalActorRef) Context.Unwatch(routee);
            if (Cell.GetChildStats(routee) is not null) routee.Tell(PoisonPill.Instance, Self);
        }
        StopIfAllRouteesRemoved();
    }

    private void Resize()
    {
        try
        {
            if (router.Resizer is { } resizer) Adjust(resizer.Resize(router.Snapshot.Members));
        }
        finally
        {
            router.ResizeFinished();
        }
    }

    /// <summary>A pool without resizer has nothing left to do once its routees are gone (Akka semantics).</summary>
    private void StopIfAllRouteesRemoved()
    {
        if (router.Config is Pool { Resizer: null } && router.Snapshot.Members.Length == 0) Context.Stop(Self);
    }

    /// <summary>Group paths are not watched: the path stays a member even while nothing lives there.</summary>
    private void WatchRoutee(IActorRef routee)
    {
        if (routee is IInternalActorRef) Context.Watch(routee);
    }

    private static int IndexOf(IActorRef[] members, IActorRef routee)
    {
        for (var i = 0; i < members.Length; i++)
            if (members[i].Equals(routee) || routee.Equals(members[i])) return i;
        return -1;
    }
}
