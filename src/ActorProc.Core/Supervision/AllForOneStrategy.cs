namespace ActorProc.Core.Supervision;

/// <summary>
/// Applies the decider's directive to all children when one fails: use it when siblings depend on
/// each other so tightly that one failing invalidates the others.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/> (counted on the failed child); -1 = unlimited, 0 = stop instead.</param>
    /// <param name="withinTimeRange">Window of the restart budget; <see cref="Timeout.InfiniteTimeSpan"/> = never resets.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether handled failures are logged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="decider"/> is null.</exception>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Decider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    /// <summary>Unlimited restarts with the given decider.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="decider"/> is null.</exception>
    public AllForOneStrategy(Decider decider) : this(-1, Timeout.InfiniteTimeSpan, decider) { }

    private protected override void ProcessRestart(ActorCell parent, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        if (!MayRestart(parent, failed))
        {
            ProcessStop(parent, failed, children);
            return;
        }
        foreach (var child in children)
            if (!child.IsStopping) child.Child.SendSystemMessage(new Recreate(cause));
    }

    private protected override void ProcessStop(ActorCell parent, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> children)
    {
        foreach (var child in children)
            if (!child.IsStopping) parent.Stop(child.Child);
    }
}
