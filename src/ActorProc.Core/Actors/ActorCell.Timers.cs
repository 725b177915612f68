namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ICancelable? _receiveTimeoutTimer;
    private int _receiveTimeoutGeneration;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"{Self}: a receive timeout must be positive (or null to turn it off).");
        _receiveTimeout = timeout == Timeout.InfiniteTimeSpan ? null : timeout;
        RescheduleReceiveTimeout();
    }

    /// <summary>Restarts the receive-timeout countdown after a message (only when one is set).</summary>
    private void RescheduleReceiveTimeout()
    {
        if (_receiveTimeout is null)
        {
            if (_receiveTimeoutTimer is not null)
            {
                _receiveTimeoutTimer.Cancel();
                _receiveTimeoutTimer = null;
            }
            return;
        }
        _receiveTimeoutTimer?.Cancel();
        var generation = ++_receiveTimeoutGeneration;
        _receiveTimeoutTimer = System.Scheduler.ScheduleTellOnce(_receiveTimeout.Value, Self, new ReceiveTimeoutTick(generation), null);
    }

    private void ReceivedTimeoutTick(ReceiveTimeoutTick tick)
    {
        // A tick from an older countdown (a message arrived since) is ignored.
        if (tick.Generation != _receiveTimeoutGeneration || _receiveTimeout is null) return;
        _receiveTimeoutTimer = null;
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
        RescheduleReceiveTimeout();
    }

    private void CancelTimersAndReceiveTimeout()
    {
        _receiveTimeout = null;
        _receiveTimeoutTimer?.Cancel();
        _receiveTimeoutTimer = null;
        _receiveTimeoutGeneration++;
        if (_actor is IWithTimers { Timers: TimerScheduler timers }) timers.CancelAll();
    }

    private void ReceiveTimerMessage(TimerMessage timer)
    {
        if (_actor is IWithTimers { Timers: TimerScheduler timers } && timers.Accept(timer))
            ReceiveMessage(timer.Message);
    }

    /// <summary>Injects runtime services into actor instances that ask for them (timers, stash).</summary>
    private void InjectServices(ActorBase actor)
    {
        if (actor is IWithTimers withTimers) withTimers.Timers = new TimerScheduler(this);
        if (actor is IWithStash withStash) withStash.Stash = new Stash(this);
    }

    private void UnstashAllOnRestart(ActorBase failed)
    {
        // Stashed messages survive a restart: they go back to the front of the mailbox.
        if (failed is IWithStash { Stash: Stash stash }) stash.UnstashAll();
    }

    private void DropStash(ActorBase actor)
    {
        if (actor is IWithStash { Stash: Stash stash })
            foreach (var e in stash.ClearStash()) System.DeadLetterRef.Publish(e.Message, e.Sender, Self);
    }

    /// <summary>The receive-timeout countdown fired; carries its generation to detect stale ticks.</summary>
    internal sealed record ReceiveTimeoutTick(int Generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
}
