namespace ActorProc.Core.Actors;

/// <summary>A handle to a scheduled action that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>Cancels the scheduled action; deliveries that have not happened yet will not happen.</summary>
    void Cancel();

    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }
}

/// <summary>
/// Sends messages later or periodically. Backed by the system's <see cref="TimeProvider"/>, so tests
/// can drive time with a fake provider. Delivery is at-most-once like any Tell; a cancelled timer
/// never fires again.
/// </summary>
public interface IScheduler
{
    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on a thread-pool thread.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}

/// <summary>
/// The scheduler on top of <see cref="TimeProvider"/> timers. Concurrency contract: all methods are
/// thread-safe; each scheduled item owns one timer, and cancellation disposes it (after which the
/// timer callback, if already running, sees the cancelled flag and does nothing).
/// </summary>
internal sealed class TimeProviderScheduler(TimeProvider time) : IScheduler
{
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        Validate(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return new ScheduledItem(time, delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender), once: true);
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        Validate(initialDelay, nameof(initialDelay));
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeating schedule needs a positive interval.");
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return new ScheduledItem(time, initialDelay, interval, () => receiver.Tell(message, sender), once: false);
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        Validate(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(action);
        return new ScheduledItem(time, delay, Timeout.InfiniteTimeSpan, action, once: true);
    }

    private static void Validate(TimeSpan delay, string name)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, delay, "A delay must not be negative.");
    }

    private sealed class ScheduledItem : ICancelable
    {
        private readonly Action _action;
        private readonly bool _once;
        private readonly ITimer _timer;
        private volatile bool _cancelled;

        public ScheduledItem(TimeProvider time, TimeSpan due, TimeSpan period, Action action, bool once)
        {
            _action = action;
            _once = once;
            _timer = time.CreateTimer(static s => ((ScheduledItem)s!).Fire(), this, due, period);
        }

        public bool IsCancellationRequested => _cancelled;

        public void Cancel()
        {
            _cancelled = true;
            _timer.Dispose();
        }

        private void Fire()
        {
            if (_cancelled) return;
            if (_once) Cancel();
            _action();
        }
    }
}
