namespace ActorProc.Core.Supervision;

/// <summary>
/// A supervisor's record of one child: its ref and how often it was restarted recently.
/// Runner thread of the parent only (besides the children lock of the parent for lookups).
/// </summary>
internal sealed class ChildRestartStats
{
    /// <summary>The child (filled right after its name is reserved).</summary>
    public IInternalActorRef Child { get; set; } = null!;

    /// <summary>Set once the parent asked the child to stop; its name stays reserved until it has.</summary>
    public bool IsStopping { get; set; }

    /// <summary>Restarts counted in the current window.</summary>
    public int RestartCount { get; private set; }

    /// <summary>Start of the current window (ticks of the system's time provider), 0 when none.</summary>
    public long WindowStartTicks { get; private set; }

    /// <summary>Counts a restart and says whether it is still within the budget.</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange, long nowTicks)
    {
        var (allowed, count, windowStart) = RestartBudget.Request(maxNrOfRetries, withinTimeRange, RestartCount, WindowStartTicks, nowTicks);
        RestartCount = count;
        WindowStartTicks = windowStart;
        return allowed;
    }
}
