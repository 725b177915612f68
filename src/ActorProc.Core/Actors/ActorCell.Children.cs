namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>The children, created with the first one (see <see cref="ChildrenContainer"/> for the locking).</summary>
    private ChildrenContainer? _children;

    private ChildrenContainer ChildrenMap
    {
        get
        {
            var children = Volatile.Read(ref _children);
            if (children is not null) return children;
            Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
            return _children!;
        }
    }

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            var children = Volatile.Read(ref _children);
            if (children is null) return [];
            lock (children.Gate)
            {
                return children.Refs
                    .Where(e => e.Value is not null && !children.IsStopping(e.Key))
                    .Select(e => (IActorRef)e.Value!)
                    .ToArray();
            }
        }
    }

    /// <summary>Statistics of all built children, including the ones that are stopping (failure handling and termination).</summary>
    internal IReadOnlyList<ChildRestartStats> AllChildStats
    {
        get
        {
            var children = Volatile.Read(ref _children);
            if (children is null) return [];
            lock (children.Gate)
            {
                return children.Refs
                    .Where(e => e.Value is not null)
                    .Select(e => children.StatsFor(e.Key, e.Value!))
                    .ToArray();
            }
        }
    }

    public IActorRef? Child(string name)
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return null;
        lock (children.Gate) return children.Refs.TryGetValue(name, out var child) && !children.IsStopping(name) ? child : null;
    }

    internal ChildRestartStats? GetChildStats(IActorRef child)
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return null;
        var name = child.Path.Name;
        lock (children.Gate)
        {
            return children.Refs.TryGetValue(name, out var existing) && existing is not null && existing.Equals(child)
                ? children.StatsFor(name, existing)
                : null;
        }
    }

    private bool HasChildren
    {
        get
        {
            var children = Volatile.Read(ref _children);
            if (children is null) return false;
            lock (children.Gate) return children.Refs.Count > 0;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null) name = NextGeneratedName();
        else ActorNames.Validate(name, Self.Path);
        return CreateChild(props, name);
    }

    /// <summary>Creates a child: reserves its name, builds its cell and queues its Create message.</summary>
    internal IActorRef CreateChild(Props props, string name, bool systemName = false)
    {
        if (_terminated || IsTerminating)
            throw new InvalidOperationException($"Cannot create child '{name}': {Self} is stopping or stopped.");
        var path = Self.Path.Child(name);
        var deployed = System.Deployer.Apply(props, path);
        if (deployed.Router is { } router)
        {
            var reservation = Reserve(name, path);
            try
            {
                var routerRef = router.CreateRouter(this, deployed with { Router = null }, name);
                // Filled before the router starts, so a failure it reports at once finds its stats.
                Fill(reservation, routerRef);
                routerRef.Start();
                return routerRef;
            }
            catch
            {
                ReleaseReservation(name, reservation);
                throw;
            }
        }
        if (deployed.Deploy?.Scope is { } scope and not LocalScope) return CreateRemoteChild(deployed, name, path, scope);
        var mailbox = System.Mailboxes.Create(deployed.Mailbox, path);
        var dispatcher = System.Dispatchers.Lookup(deployed.Dispatcher ?? System.Settings.DefaultDispatcherId);
        var stats = Reserve(name, path);
        var cell = new ActorCell(System, deployed, Self, path, mailbox, dispatcher);
        Fill(stats, cell.Self);
        cell.Start();
        return cell.Self;
    }

    /// <summary>Reserves a name under the children lock; throws when it is taken.</summary>
    private string Reserve(string name, ActorPath path)
    {
        var children = ChildrenMap;
        lock (children.Gate)
        {
            if (!children.Refs.TryAdd(name, null))
                throw new InvalidActorNameException($"Actor name '{name}' is not unique: {path} already exists (or is still stopping).");
            return name;
        }
    }

    /// <summary>Publishes the built child under its reserved name.</summary>
    private void Fill(string reservation, IInternalActorRef child)
    {
        var children = ChildrenMap;
        lock (children.Gate) children.Refs[reservation] = child;
    }

    /// <summary>Removes a terminated child; returns false when it was not (or no longer) a child.</summary>
    private bool RemoveChild(IActorRef child)
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return false;
        var name = child.Path.Name;
        lock (children.Gate)
        {
            if (!children.Refs.TryGetValue(name, out var existing) || existing is null || !existing.Equals(child)) return false;
            children.Remove(name);
            return true;
        }
    }

    private string NextGeneratedName() => ActorNames.Generated(Interlocked.Increment(ref ChildrenMap.NextName) - 1);

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self))
        {
            Self.Stop();
            return;
        }
        var stats = GetChildStats(actor);
        if (stats is null) return; // only children (and self) can be stopped through the context
        stats.IsStopping = true;
        stats.Child.Stop();
    }

    private void StopAllChildren()
    {
        foreach (var stats in AllChildStats)
        {
            stats.IsStopping = true;
            stats.Child.Stop();
        }
    }

    private void SuspendChildren(IActorRef? except = null)
    {
        foreach (var stats in AllChildStats)
            if (!stats.Child.Equals(except)) stats.Child.SendSystemMessage(new Suspend());
    }

    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        foreach (var stats in AllChildStats)
            stats.Child.SendSystemMessage(new Resume(stats.Child.Equals(perpetrator) ? causedByFailure : null));
    }
}
