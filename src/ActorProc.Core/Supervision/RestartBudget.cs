namespace ActorProc.Core.Supervision;

/// <summary>
/// The restart-intensity rule, as a pure function so it can be tested on its own: a child may be
/// restarted at most <c>maxNrOfRetries</c> times within <c>withinTimeRange</c>; a negative
/// <c>maxNrOfRetries</c> means no limit, zero means never restart, and an infinite (or zero) range
/// means the count never resets.
/// </summary>
public static class RestartBudget
{
    /// <summary>
    /// Counts one more restart. Returns whether it is allowed, and the new count and window start to
    /// remember.
    /// </summary>
    public static (bool Allowed, int Count, long WindowStartTicks) Request(
        int maxNrOfRetries, TimeSpan withinTimeRange, int count, long windowStartTicks, long nowTicks)
    {
        if (maxNrOfRetries < 0) return (true, count, windowStartTicks);
        if (maxNrOfRetries == 0) return (false, count, windowStartTicks);
        var windowed = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        if (!windowed) return (count + 1 <= maxNrOfRetries, count + 1, windowStartTicks);
        if (windowStartTicks == 0 || nowTicks - windowStartTicks > withinTimeRange.Ticks)
            return (true, 1, nowTicks); // a new window starts with this restart
        return (count + 1 <= maxNrOfRetries, count + 1, windowStartTicks);
    }
}
