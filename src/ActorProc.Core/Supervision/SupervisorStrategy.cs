namespace ActorProc.Core.Supervision;

/// <summary>
/// How a parent treats failing children: a decider maps the exception to a <see cref="Directive"/>,
/// and a restart budget (<see cref="MaxNrOfRetries"/> within <see cref="WithinTimeRange"/>) turns too
/// many restarts into a stop. <see cref="OneForOneStrategy"/> applies the directive to the failed
/// child only; <see cref="AllForOneStrategy"/> to all its siblings as well.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Decider decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (withinTimeRange < TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), withinTimeRange, "The restart window must not be negative (use Timeout.InfiniteTimeSpan for no window).");
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed per window; -1 = unlimited, 0 = never restart (stop instead).</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window for <see cref="MaxNrOfRetries"/>; <see cref="Timeout.InfiniteTimeSpan"/> = the count never resets.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Decider Decider { get; }

    /// <summary>Whether failures are logged when handled.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>
    /// The default decider: stop on <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>; restart on anything else.
    /// </summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one, unlimited restarts, <see cref="DefaultDecider"/>. Used when an actor names no strategy.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, DefaultDecider);

    /// <summary>One-for-one strategy that stops every failing child.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Applies the directive for <paramref name="cause"/>; returns false to escalate.</summary>
    internal bool HandleFailure(ActorCell parent, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        var directive = Decider(cause);
        if (LoggingEnabled && directive != Directive.Escalate) LogFailure(parent, failed.Child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystemMessage(new Resume(cause));
                return true;
            case Directive.Restart:
                ProcessRestart(parent, failed, cause, children);
                return true;
            case Directive.Stop:
                ProcessStop(parent, failed, children);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restart the child (or all children), or stop when the budget is spent.</summary>
    private protected abstract void ProcessRestart(ActorCell parent, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children);

    /// <summary>Stop the child (or all children).</summary>
    private protected abstract void ProcessStop(ActorCell parent, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> children);

    private protected bool MayRestart(ActorCell parent, ChildRestartStats stats) =>
        stats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, parent.System.TimeProvider.GetUtcNow().UtcTicks);

    private static void LogFailure(ActorCell parent, IActorRef child, Exception cause, Directive directive)
    {
        var log = parent.System.Log;
        if (directive == Directive.Resume) log.Warning(cause, "{0} failed ({1}: {2}); resuming it", child, cause.GetType().Name, cause.Message);
        else log.Error(cause, "{0} failed ({1}: {2}); directive {3}", child, cause.GetType().Name, cause.Message, directive);
    }
}
