namespace ActorProc.Core.Supervision;

/// <summary>
/// A supervisor that re-creates its single child after an exponentially growing, jittered delay
/// instead of at once, so a child that keeps failing (e.g. because a database is down) does not spin
/// in a tight restart loop. Create one with <see cref="Props(BackoffOptions)"/> and talk to it as if
/// it were the child: every message is forwarded with its original sender. While the child is absent
/// (waiting for its next incarnation) messages go to dead letters.
/// <para>
/// The delay before re-creation number <c>n</c> (counting from 0) is
/// <see cref="CalculateDelay(int, TimeSpan, TimeSpan, double)"/>: <c>min(maxBackoff, minBackoff × 2^n) ×
/// (1 + random × randomFactor)</c>. It is driven by the actor system's <see cref="TimeProvider"/>.
/// Ask the supervisor with <see cref="GetCurrentChild"/>, <see cref="GetRestartCount"/> and
/// <see cref="Reset"/>; messages the child sends to the supervisor are passed on to the supervisor's
/// parent.
/// </para>
/// </summary>
public static partial class BackoffSupervisor
{
    /// <summary>Props of a backoff supervisor running the child described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisorActor(options));
    }

    /// <summary>
    /// The delay before re-creation number <paramref name="restartCount"/> with a fresh random jitter
    /// (see <see cref="CalculateDelay(int, TimeSpan, TimeSpan, double, double)"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the exception names it).</exception>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        CalculateDelay(restartCount, minBackoff, maxBackoff, randomFactor, Random.Shared.NextDouble());

    /// <summary>
    /// The delay before re-creation number <paramref name="restartCount"/> (0 for the first):
    /// <c>min(maxBackoff, minBackoff × 2^restartCount) × (1 + random × randomFactor)</c>. A pure function,
    /// so tests pass the random sample themselves. Results too large for a <see cref="TimeSpan"/> are
    /// clamped to <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    /// <param name="restartCount">Re-creations so far (≥ 0).</param>
    /// <param name="minBackoff">First delay (&gt; 0).</param>
    /// <param name="maxBackoff">Cap before jitter (≥ <paramref name="minBackoff"/>).</param>
    /// <param name="randomFactor">Jitter factor in [0, 1].</param>
    /// <param name="random">The random sample in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the exception names it).</exception>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restartCount);
        BackoffOptions.ValidateBackoff(minBackoff, maxBackoff, randomFactor);
        if (!(random is >= 0.0 and <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(random), random, "The random sample must be between 0 and 1.");
        // Doubles keep 2^n from overflowing: a huge product simply loses to maxBackoff in Math.Min.
        var exponential = minBackoff.Ticks * Math.Pow(2, restartCount);
        var ticks = Math.Min(maxBackoff.Ticks, exponential) * (1.0 + random * randomFactor);
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)Math.Round(ticks));
    }
}
