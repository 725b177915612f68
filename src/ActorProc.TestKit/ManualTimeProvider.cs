namespace ActorProc.TestKit;

/// <summary>
/// A clock that moves only when the test says so, for deterministic tests of anything time-based
/// (scheduler, timers, receive timeouts, supervision windows). Pass it to the system with
/// <c>new ActorSystemSetup { TimeProvider = clock }</c> and call <see cref="Advance"/>: every timer that
/// falls due during the advance fires, in due-time order, on the calling thread, before Advance returns.
/// <para>
/// Note: anything in the system that waits on this clock waits for <see cref="Advance"/> too, including
/// Ask timeouts and the shutdown deadline (the TestKit's Dispose bounds its own wait in real time).
/// A timer created with a zero due time fires at the next Advance (also <c>Advance(TimeSpan.Zero)</c>).
/// </para>
/// <para>
/// Concurrency contract: any thread may read the time or create, change and dispose timers (guarded by one
/// lock). <see cref="Advance"/> is meant for one thread at a time (the test's); it runs timer callbacks
/// outside the lock, so a callback may create or change timers, and those fire in the same advance when
/// they fall due within it.
/// </para>
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;

    /// <summary>Creates a clock reading <paramref name="start"/> (default: 2025-01-01T00:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) =>
        _now = start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The current time of this clock.</summary>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <summary>Timestamps are the clock's ticks, so elapsed-time measurements follow <see cref="Advance"/>.</summary>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>One timestamp unit is one tick (100 ns).</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The clock is in UTC.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Number of timers that are scheduled to fire (not disposed, not expired one-shots).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate) return _timers.Count(t => t.Due is not null);
        }
    }

    /// <summary>
    /// When the next timer falls due, or null when none is scheduled. Lets a test wait until code running on
    /// another thread has (re)scheduled a timer before it advances the clock, e.g.
    /// <c>AwaitCondition(() => clock.NextDueTime == expected)</c>.
    /// </summary>
    public DateTimeOffset? NextDueTime
    {
        get
        {
            lock (_gate) return _timers.Min(t => t.Due);
        }
    }

    /// <summary>Creates a timer on this clock; it fires only during <see cref="Advance"/>.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate) target = _now + delta;
        while (NextDue(target) is { } timer)
        {
            // Outside the lock: the callback is the scheduler's (user-facing) code.
            timer.Callback(timer.State);
        }
        lock (_gate)
        {
            if (_now < target) _now = target;
        }
    }

    /// <summary>Takes the earliest timer due at or before <paramref name="target"/>, moving the clock to its due time.</summary>
    private ManualTimer? NextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            ManualTimer? next = null;
            foreach (var t in _timers)
                if (t.Due is { } due && due <= target && (next is null || due < next.Due)) next = t;
            if (next is null) return null;
            if (_now < next.Due!.Value) _now = next.Due.Value;
            next.Due = next.Period is { } period ? next.Due + period : null;
            return next;
        }
    }

    /// <summary>A timer of a <see cref="ManualTimeProvider"/>; all state is guarded by the provider's lock.</summary>
    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;

        /// <summary>When it fires next; null when it is not scheduled.</summary>
        public DateTimeOffset? Due { get; set; }

        /// <summary>The repeat interval; null for a one-shot timer.</summary>
        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (_disposed) return false;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                _disposed = true;
                Due = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
