namespace ActorProc.Core.Routing;

/// <summary>
/// The temporary reply-to ref of one scatter-gather or tail-chopping request: the first reply goes to the
/// original sender (with the replying routee as its sender); if none arrives before the deadline the sender
/// gets a <see cref="Status.Failure"/> with an <see cref="AskTimeoutException"/>. Later replies are discarded
/// silently (they are expected: every other routee answers too).
/// <para>
/// Concurrency contract: <see cref="Tell"/> is called by routees on any threads, concurrently with the deadline
/// timer (<see cref="Expire"/>) and the tail-chopping timer. The single 0→1 exchange of <see cref="_completed"/>
/// picks the one outcome; the winner cancels the timers after it, outside any lock. Timers are published
/// (<see cref="StartDeadline"/>, <see cref="SetNextStep"/>) with a re-check afterwards, so a timer published
/// after the outcome was decided is cancelled at once.
/// </para>
/// </summary>
internal sealed class FirstReplyCollector : ActorRefBase
{
    private readonly ActorSystem _system;
    private readonly ActorPath _path;
    private readonly IActorRef? _replyTo;
    private readonly IActorRef _router;
    private readonly TimeSpan _within;
    private readonly string _requestName;

    /// <summary>0 while waiting, 1 once a reply or the timeout has been handled.</summary>
    private int _completed;

    /// <summary>The deadline timer.</summary>
    private ICancelable? _deadline;

    /// <summary>The pending tail-chopping step, if any.</summary>
    private ICancelable? _nextStep;

    public FirstReplyCollector(ActorSystem system, IActorRef? replyTo, IActorRef router, TimeSpan within, string requestName)
    {
        _system = system;
        _path = system.NextTempPath();
        _replyTo = replyTo;
        _router = router;
        _within = within;
        _requestName = requestName;
    }

    public override ActorPath Path => _path;
    public override long Uid => 0;
    public override IInternalActorRef Parent => _system.DeadLetterRef;
    public override bool IsTerminated => Volatile.Read(ref _completed) != 0;

    /// <summary>Starts the deadline; call before telling any routee.</summary>
    public void StartDeadline()
    {
        Volatile.Write(ref _deadline, _system.Scheduler.ScheduleOnce(_within, Expire));
        // Lost-update re-check: a reply may have won before the timer was published.
        if (IsTerminated) Volatile.Read(ref _deadline)?.Cancel();
    }

    /// <summary>Publishes the pending tail-chopping step so the winner can cancel it.</summary>
    public void SetNextStep(ICancelable step)
    {
        Volatile.Write(ref _nextStep, step);
        if (IsTerminated) step.Cancel();
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Exchange(ref _completed, 1) != 0) return;
        CancelTimers();
        _replyTo?.Tell(message, sender);
    }

    /// <summary>The deadline passed without a reply.</summary>
    public void Expire()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0) return;
        CancelTimers();
        _replyTo?.Tell(new Status.Failure(new AskTimeoutException(
            $"Router [{_router.Path}] got no reply to {_requestName} within [{_within.TotalMilliseconds:0} ms].")), _router);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        // Watching a finished request is answered at once, like a dead actor; anything else has no meaning here.
        if (message is Watch watch && IsTerminated)
            ((IInternalActorRef)watch.Watcher).SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true));
    }

    private void CancelTimers()
    {
        Volatile.Read(ref _deadline)?.Cancel();
        Volatile.Read(ref _nextStep)?.Cancel();
    }
}
