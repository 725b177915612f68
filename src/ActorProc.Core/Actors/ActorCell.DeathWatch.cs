namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef actor) => WatchWith(actor, null!);

    public IActorRef WatchWith(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self)) return actor;
        var watching = Extras.Watching ??= new Dictionary<IActorRef, object?>();
        if (watching.TryAdd(actor, message))
        {
            if (actor is IInternalActorRef target) target.SendSystemMessage(new Watch(actor, Self));
            else Self.SendSystemMessage(new DeathWatchNotification(actor, ExistenceConfirmed: false));
        }
        else
        {
            watching[actor] = message;
        }
        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_extras?.Watching is { } watching && watching.Remove(actor) && actor is IInternalActorRef target && !actor.Equals(Self))
            target.SendSystemMessage(new Unwatch(actor, Self));
        _extras?.TerminatedQueued?.Remove(actor);
        return actor;
    }

    /// <summary>Another actor starts watching this one (system message).</summary>
    private void AddWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (!watchee.Equals(Self) || watcher.Equals(Self)) return;
        if (_terminated || IsTerminating && _finishedTerminate)
        {
            ((IInternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true));
            return;
        }
        (Extras.WatchedBy ??= new HashSet<IActorRef>()).Add(watcher);
    }

    private void RemoveWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (watchee.Equals(Self)) _extras?.WatchedBy?.Remove(watcher);
    }

    /// <summary>A watched actor or a child died (system message).</summary>
    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (_extras?.Watching is { } watching && watching.Remove(actor, out var custom) && !IsTerminating)
        {
            (Extras.TerminatedQueued ??= new HashSet<IActorRef>()).Add(actor);
            // Terminated travels through the user queue so it is ordered after the dead actor's last messages.
            object message = custom ?? new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated);
            Self.Tell(custom is null ? message : new CustomTerminated(actor, custom), actor);
        }
        if (RemoveChild(actor)) HandleChildTerminated(actor);
    }

    /// <summary>A Terminated for a watched actor reaches the front of the queue.</summary>
    private void ReceivedTerminated(Terminated terminated)
    {
        // Dropped if Unwatch was called after it was queued.
        if (_extras?.TerminatedQueued is not { } queued || !queued.Remove(terminated.ActorRef)) return;
        ReceiveMessage(terminated);
    }

    private void ReceivedCustomTerminated(CustomTerminated terminated)
    {
        if (_extras?.TerminatedQueued is not { } queued || !queued.Remove(terminated.ActorRef)) return;
        ReceiveMessage(terminated.Message);
    }

    /// <summary>Tells every watcher and the parent that this actor is gone.</summary>
    private void TellWatchersWeDied()
    {
        if (_extras?.WatchedBy is { } watchedBy)
        {
            foreach (var watcher in watchedBy)
                if (!watcher.Equals(Parent)) ((IInternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true));
            _extras.WatchedBy = null;
        }
        // The parent always hears of it, watched or not, to release the child's name.
        Parent.SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true));
    }

    /// <summary>Stops watching everything (this actor is stopping).</summary>
    private void UnwatchWatchedActors()
    {
        if (_extras?.Watching is not { } watching) return;
        foreach (var watched in watching.Keys)
            if (watched is IInternalActorRef target) target.SendSystemMessage(new Unwatch(watched, Self));
        _extras.Watching = null;
        _extras.TerminatedQueued = null;
    }

    /// <summary>Wraps a WatchWith message so the exactly-once bookkeeping still applies.</summary>
    internal sealed record CustomTerminated(IActorRef ActorRef, object Message) : IAutoReceivedMessage;
}
