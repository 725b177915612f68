namespace ActorProc.Core.Actors;

/// <summary>Implemented by actors that use keyed timers; the runtime fills <see cref="Timers"/>.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers (assigned by the runtime before PreStart).</summary>
    ITimerScheduler Timers { get; set; }
}

/// <summary>
/// Keyed timers owned by one actor. Starting a timer with a key that is in use replaces it; a
/// cancelled or replaced timer's messages are never delivered, even if already queued. All timers
/// are cancelled when the actor stops or restarts.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Delivers <paramref name="message"/> to self once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Delivers <paramref name="message"/> to self every <paramref name="interval"/>, first after <paramref name="initialDelay"/> (default: the interval).</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval, TimeSpan? initialDelay = null);

    /// <summary>True while the timer with this key is active.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with this key (a no-op if there is none).</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}

/// <summary>A timer's message on its way to the owner, tagged so stale deliveries can be dropped.</summary>
internal sealed record TimerMessage(object Key, int Generation, object Message, bool Repeating);

/// <summary>The keyed timers of one actor. Runner thread only.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, (int Generation, ICancelable Task)> _timers = new();
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval, TimeSpan? initialDelay = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, $"{cell.Self}: timer '{key}' needs a positive interval.");
        Start(key, message, initialDelay ?? interval, interval);
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, $"{cell.Self}: timer '{key}' delay must not be negative.");
        Cancel(key);
        var generation = ++_generation;
        var tagged = new TimerMessage(key, generation, message, interval is not null);
        var task = interval is { } every
            ? cell.System.Scheduler.ScheduleTellRepeatedly(delay, every, cell.Self, tagged, null)
            : cell.System.Scheduler.ScheduleTellOnce(delay, cell.Self, tagged, null);
        _timers[key] = (generation, task);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer)) timer.Task.Cancel();
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values) timer.Task.Cancel();
        _timers.Clear();
    }

    /// <summary>True when the message belongs to a live timer; a single timer ends with its delivery.</summary>
    public bool Accept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var timer) || timer.Generation != message.Generation) return false;
        if (!message.Repeating) _timers.Remove(message.Key);
        return true;
    }
}
