namespace ActorProc.Core.Supervision;

/// <summary>
/// The actor behind <see cref="BackoffSupervisor.Props"/>: owns one child, forwards messages to it,
/// and re-creates it after a backoff delay (timer) when it fails or stops.
/// <para>
/// Concurrency contract: an ordinary actor, so every member runs on its runner thread. That includes
/// the decider of <see cref="SupervisorStrategy"/>, which the kernel calls while this actor processes
/// its child's Failed system message; it may therefore read and write the fields below.
/// </para>
/// </summary>
internal sealed class BackoffSupervisorActor : ActorBase, IWithTimers
{
    private const string StartChildTimer = "backoff-start-child";
    private const string ResetTimer = "backoff-reset";

    private readonly BackoffOptions _options;
    private readonly ILoggingAdapter _log;

    /// <summary>The running child, or null while it waits to be re-created.</summary>
    private IActorRef? _child;

    /// <summary>Re-creations since the last reset; the next delay is computed from it.</summary>
    private int _restartCount;

    /// <summary>
    /// Set when the backoff itself asked the failed child to stop: its Terminated then means "re-create
    /// later" rather than "the child quit" (which stops an OnFailure supervisor).
    /// </summary>
    private bool _restartPending;

    public BackoffSupervisorActor(BackoffOptions options)
    {
        _options = options;
        _log = Context.GetLogger();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => StartChild();

    protected override Supervision.SupervisorStrategy SupervisorStrategy()
    {
        if (_options.Trigger == BackoffTrigger.Stop) return _options.SupervisorStrategy ?? Supervision.SupervisorStrategy.DefaultStrategy;
        // The kernel's own restart budget is off (-1): the backoff counts re-creations itself.
        return new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, DecideOnFailure, loggingEnabled: false);
    }

    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case StartChildTick:
                if (_child is null) StartChild();
                // The count resets only if this incarnation survives the reset period; a failure before then cancels the timer.
                Timers.StartSingleTimer(ResetTimer, new ResetRestartCountTick(_restartCount), _options.ResetBackoff);
                return true;
            case ResetRestartCountTick tick:
                if (tick.Count == _restartCount) _restartCount = 0;
                return true;
            case Terminated terminated:
                // Terminated of an earlier child (e.g. one stopped by our own restart) needs no action.
                if (terminated.ActorRef.Equals(_child)) OnChildTerminated();
                return true;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(_child), Self);
                return true;
            case BackoffSupervisor.GetRestartCount:
                Sender.Tell(new BackoffSupervisor.RestartCount(_restartCount), Self);
                return true;
            case BackoffSupervisor.Reset:
                _restartCount = 0;
                Timers.Cancel(ResetTimer);
                return true;
            default:
                Route(message);
                return true;
        }
    }

    /// <summary>Forwards to the child keeping the sender; the child's own messages go up to our parent.</summary>
    private void Route(object message)
    {
        if (_child is null)
        {
            Context.System.DeadLetterRef.Publish(message, Sender, Self);
            return;
        }
        if (Sender.Equals(_child)) Context.Parent.Tell(message, Self);
        else _child.Tell(message, Sender);
    }

    private void StartChild() => _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));

    /// <summary>OnFailure: a failure the user's decider would restart becomes a stop followed by a delayed re-creation.</summary>
    private Directive DecideOnFailure(Exception cause)
    {
        var strategy = _options.SupervisorStrategy;
        var directive = (strategy?.Decider ?? Supervision.SupervisorStrategy.DefaultDecider)(cause);
        var logging = strategy?.LoggingEnabled ?? true;
        if (directive != Directive.Restart)
        {
            if (logging && directive != Directive.Escalate)
                _log.Error(cause, "{0}: child {1} failed ({2}: {3}); directive {4}", Self, _child, cause.GetType().Name, cause.Message, directive);
            return directive;
        }
        Timers.Cancel(ResetTimer);
        if (ExceedsRetries())
        {
            _log.Warning(cause, "{0}: child {1} failed ({2}: {3}) and {4} retries are used up; stopping the supervisor", Self, _child, cause.GetType().Name, cause.Message, _options.MaxNrOfRetries);
            Context.Stop(Self);
            return Directive.Stop;
        }
        if (logging)
            _log.Error(cause, "{0}: child {1} failed ({2}: {3}); re-creating it after a backoff (retry {4})", Self, _child, cause.GetType().Name, cause.Message, _restartCount + 1);
        _restartPending = true;
        return Directive.Stop;
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel(ResetTimer);
        if (_options.Trigger == BackoffTrigger.Failure && !_restartPending)
        {
            // The child stopped by itself (or by a Stop directive): nothing to back off from.
            _log.Debug("{0}: child stopped without a failure to retry; stopping the supervisor", Self);
            Context.Stop(Self);
            return;
        }
        if (_options.Trigger == BackoffTrigger.Stop && ExceedsRetries())
        {
            _log.Warning("{0}: child stopped and {1} retries are used up; stopping the supervisor", Self, _options.MaxNrOfRetries);
            Context.Stop(Self);
            return;
        }
        _restartPending = false;
        var delay = BackoffSupervisor.CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor);
        _restartCount++;
        Timers.StartSingleTimer(StartChildTimer, StartChildTick.Instance, delay);
    }

    private bool ExceedsRetries() => _options.MaxNrOfRetries >= 0 && _restartCount + 1 > _options.MaxNrOfRetries;

    /// <summary>The backoff delay is over: create the next child.</summary>
    private sealed class StartChildTick
    {
        public static readonly StartChildTick Instance = new();
    }

    /// <summary>The reset period of the incarnation started at retry <paramref name="Count"/> is over.</summary>
    private sealed record ResetRestartCountTick(int Count);
}
