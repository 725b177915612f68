namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"{Self}: a receive timeout must be positive (or null to turn it off).");
        if (timeout is null && _extras is null) return;
        Extras.ReceiveTimeout = timeout == Timeout.InfiniteTimeSpan ? null : timeout;
        RescheduleReceiveTimeout();
    }

    /// <summary>Restarts the receive-timeout countdown after a message (only when one is set).</summary>
    private void RescheduleReceiveTimeout()
    {
        if (_extras is not { } extras) return;
        extras.ReceiveTimeoutTimer?.Cancel();
        extras.ReceiveTimeoutTimer = null;
        if (extras.ReceiveTimeout is not { } timeout) return;
        var generation = ++extras.ReceiveTimeoutGeneration;
        extras.ReceiveTimeoutTimer = System.Scheduler.ScheduleTellOnce(timeout, Self, new ReceiveTimeoutTick(generation), null);
    }

    private void ReceivedTimeoutTick(ReceiveTimeoutTick tick)
    {
        // A tick from an older countdown (a message arrived since) is ignored.
        if (_extras is not { ReceiveTimeout: not null } extras || tick.Generation != extras.ReceiveTimeoutGeneration) return;
        extras.ReceiveTimeoutTimer = null;
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
        RescheduleReceiveTimeout();
    }

    private void CancelTimersAndReceiveTimeout()
    {
        if (_extras is { } extras)
        {
            extras.ReceiveTimeout = null;
            extras.ReceiveTimeoutTimer?.Cancel();
            extras.ReceiveTimeoutTimer = null;
            extras.ReceiveTimeoutGeneration++;
        }
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
