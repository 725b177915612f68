namespace ActorProc.Core.Supervision;

/// <summary>Applies the decider's directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; -1 = unlimited, 0 = stop instead of restarting.</param>
    /// <param name="withinTimeRange">Window of the restart budget; <see cref="Timeout.InfiniteTimeSpan"/> = never resets.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether handled failures are logged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="decider"/> is null.</exception>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Decider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    /// <summary>Unlimited restarts with the given decider.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="decider"/> is null.</exception>
    public OneForOneStrategy(Decider decider) : this(-1, Timeout.InfiniteTimeSpan, decider) { }

    private protected override void ProcessRestart(ActorCell parent, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        if (MayRestart(parent, failed)) failed.Child.SendSystemMessage(new Recreate(cause));
        else parent.Stop(failed.Child);
    }

    private protected override void ProcessStop(ActorCell parent, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> children) =>
        parent.Stop(failed.Child);
}
