namespace ActorProc.Pools;

/// <summary>
/// Exponential backoff between attempts of a failed task: attempt <c>n</c> (the first retry is
/// <c>n = 1</c>) waits <c>min(Max, Min × 2^(n-1))</c>, then a random ±<see cref="Jitter"/> share of
/// that delay is added so that many tasks failing together do not retry in lockstep.
/// </summary>
/// <param name="Min">Delay before the first retry (≥ 0).</param>
/// <param name="Max">Upper bound of the delay (≥ <paramref name="Min"/>).</param>
/// <param name="Jitter">Random share of the delay added or removed, in [0, 1].</param>
public sealed record RetryBackoff(TimeSpan Min, TimeSpan Max, double Jitter)
{
    /// <summary>The default: 10 ms doubling up to 5 s, ±20 % jitter.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5), 0.2);

    /// <summary>No delay at all: a failed task is re-dispatched at once.</summary>
    public static RetryBackoff None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, 0);

    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    /// <param name="retry">1-based retry number.</param>
    /// <param name="random">Source of jitter; <see cref="Random.Shared"/> when null.</param>
    public TimeSpan DelayFor(int retry, Random? random = null)
    {
        if (Max <= TimeSpan.Zero) return TimeSpan.Zero;
        // Doubling is capped at 2^30 so that the multiplication cannot overflow before the clamp.
        var factor = Math.Pow(2, Math.Clamp(retry - 1, 0, 30));
        var ticks = Math.Min(Max.Ticks, Min.Ticks * factor);
        if (Jitter > 0) ticks += ticks * Jitter * (((random ?? System.Random.Shared).NextDouble() * 2) - 1);
        return TimeSpan.FromTicks((long)Math.Clamp(ticks, 0, Max.Ticks));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> when the values are out of range.</summary>
    internal void Validate(string paramName)
    {
        if (Min < TimeSpan.Zero) throw new ArgumentException($"{paramName}.Min must not be negative (got {Min}).", paramName);
        if (Max < Min) throw new ArgumentException($"{paramName}.Max ({Max}) must be at least Min ({Min}).", paramName);
        if (!(Jitter >= 0 && Jitter <= 1)) throw new ArgumentException($"{paramName}.Jitter must be in [0, 1] (got {Jitter}).", paramName);
    }
}
