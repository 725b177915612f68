using System.Diagnostics;

namespace ActorProc.Bench.Harness;

/// <summary>
/// Measures the wall-clock time and the bytes allocated (by every thread) between
/// <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
internal readonly struct RoundClock
{
    private readonly long _startTimestamp;
    private readonly long _startAllocated;

    private RoundClock(long startTimestamp, long startAllocated)
    {
        _startTimestamp = startTimestamp;
        _startAllocated = startAllocated;
    }

    /// <summary>Starts measuring.</summary>
    public static RoundClock Start()
    {
        // Allocation counter first, clock second (and the reverse in Stop) so the precise
        // allocation count, which walks every thread's allocation context, is not timed.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        return new RoundClock(Stopwatch.GetTimestamp(), allocated);
    }

    /// <summary>Time elapsed and bytes allocated since <see cref="Start"/>.</summary>
    public (TimeSpan Elapsed, long AllocatedBytes) Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
        return (elapsed, GC.GetTotalAllocatedBytes(precise: true) - _startAllocated);
    }
}
