namespace ActorProc.Core.Events;

/// <summary>
/// The system-wide publish/subscribe bus: dead letters, log events, lifecycle events and any user
/// event. A subscriber to a type receives every published event assignable to it (subscribing to
/// <c>object</c> receives everything).
/// <para>
/// Concurrency contract: <see cref="Publish"/> runs on the publisher's thread and never blocks on other
/// publishers; it reads an immutable snapshot of the subscriptions. Subscribe/Unsubscribe replace
/// that snapshot under a lock. Handler subscribers run on the publisher's thread, so they must be
/// quick and thread-safe; actor subscribers get a Tell.
/// </para>
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes an actor to events assignable to <paramref name="channel"/>; returns false if it already was.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return Add(new Subscription(channel, subscriber, null));
    }

    /// <summary>Subscribes a callback (run on the publisher's thread); dispose the result to unsubscribe.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(T), null, e => handler((T)e));
        Add(subscription);
        return new Unsubscriber(this, subscription);
    }

    /// <summary>Removes an actor's subscription to <paramref name="channel"/>; returns false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        Remove(s => s.Actor is not null && s.Actor.Equals(subscriber) && s.Channel == channel);

    /// <summary>Removes every subscription of the actor.</summary>
    public bool Unsubscribe(IActorRef subscriber) => Remove(s => s.Actor is not null && s.Actor.Equals(subscriber));

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        foreach (var s in subscriptions)
        {
            if (!s.Channel.IsInstanceOfType(@event)) continue;
            if (s.Actor is not null) s.Actor.Tell(@event, null);
            else
            {
                try
                {
                    s.Handler!(@event);
                }
                catch (Exception e) when (@event is not LogEvent)
                {
                    // A broken subscriber must not break the publisher; report it once as an error event.
                    Publish(new LogEvent(LogLevel.Error, nameof(EventStream), typeof(EventStream), $"event stream subscriber for {s.Channel.Name} threw", e));
                }
                catch (Exception)
                {
                    // A failing log sink cannot be logged to; dropping its failure avoids infinite recursion.
                }
            }
        }
    }

    private bool Add(Subscription subscription)
    {
        lock (_gate)
        {
            if (subscription.Actor is not null && _subscriptions.Any(s => s.Actor is not null && s.Actor.Equals(subscription.Actor) && s.Channel == subscription.Channel))
                return false;
            _subscriptions = [.. _subscriptions, subscription];
            return true;
        }
    }

    private bool Remove(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            var kept = _subscriptions.Where(s => !match(s)).ToArray();
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    private sealed record Subscription(Type Channel, IActorRef? Actor, Action<object>? Handler);

    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => stream.Remove(s => ReferenceEquals(s, subscription));
    }
}
