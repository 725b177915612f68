namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>Actors this actor watches, with the message to deliver on their death (Terminated when null).</summary>
    private Dictionary<IActorRef, object?>? _watching;

    /// <summary>Actors watching this actor.</summary>
    private HashSet<IActorRef>? _watchedBy;

    /// <summary>Watched actors whose Terminated is queued but not yet processed (so Unwatch can drop it).</summary>
    private HashSet<IActorRef>? _terminatedQueued;

    public IActorRef Watch(IActorRef actor) => WatchWith(actor, null!);

    public IActorRef WatchWith(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self)) return actor;
        _watching ??= new Dictionary<IActorRef, object?>();
        if (_watching.TryAdd(actor, message))
        {
            if (actor is IInternalActorRef target) target.SendSystemMessage(new Watch(actor, Self));
            else Self.SendSystemMessage(new DeathWatchNotification(actor, ExistenceConfirmed: false));
        }
        else
        {
            _watching[actor] = message;
        }
        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_watching is not null && _watching.Remove(actor) && actor is IInternalActorRef target && !actor.Equals(Self))
            target.SendSystemMessage(new Unwatch(actor, Self));
        _terminatedQueued?.Remove(actor);
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
        (_watchedBy ??= new HashSet<IActorRef>()).Add(watcher);
    }

    private void RemoveWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (watchee.Equals(Self)) _watchedBy?.Remove(watcher);
    }

    /// <summary>A watched actor or a child died (system message).</summary>
    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (_watching is not null && _watching.Remove(actor, out var custom) && !IsTerminating)
        {
            (_terminatedQueued ??= new HashSet<IActorRef>()).Add(actor);
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
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef)) return;
        ReceiveMessage(terminated);
    }

    private void ReceivedCustomTerminated(CustomTerminated terminated)
    {
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef)) return;
        ReceiveMessage(terminated.Message);
    }

    /// <summary>Tells every watcher and the parent that this actor is gone.</summary>
    private void TellWatchersWeDied()
    {
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
                if (!watcher.Equals(Parent)) ((IInternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true));
            _watchedBy = null;
        }
        // The parent always hears of it, watched or not, to release the child's name.
        Parent.SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true));
    }

    /// <summary>Stops watching everything (this actor is stopping).</summary>
    private void UnwatchWatchedActors()
    {
        if (_watching is null) return;
        foreach (var watched in _watching.Keys)
            if (watched is IInternalActorRef target) target.SendSystemMessage(new Unwatch(watched, Self));
        _watching = null;
        _terminatedQueued = null;
    }

    /// <summary>Wraps a WatchWith message so the exactly-once bookkeeping still applies.</summary>
    internal sealed record CustomTerminated(IActorRef ActorRef, object Message) : IAutoReceivedMessage;
}
