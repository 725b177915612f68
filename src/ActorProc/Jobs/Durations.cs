namespace ActorProc.Jobs;

/// <summary>Converts <see cref="Stopwatch"/> timestamps differences to <see cref="TimeSpan"/>.</summary>
internal static class Durations
{
    private static readonly double TicksPerStopwatchTick = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    public static TimeSpan FromStopwatchTicks(long stopwatchTicks) => TimeSpan.FromTicks((long)(stopwatchTicks * TicksPerStopwatchTick));
}
