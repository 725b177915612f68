using ActorProc.Cli.Tasks;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// The base primes of the segmented sieve for the <c>primes</c> task on a node. <c>run</c> sieves them
/// once per job; a node gets ranges one by one, so it keeps the largest set it has made and reuses it.
/// Concurrency contract: called from any worker thread; the cache is an immutable array swapped with a
/// volatile write (two threads may both compute a larger set; either result is correct).
/// </summary>
internal static class BasePrimes
{
    private static Sieved _cache = new(1, []);

    /// <summary>Every prime ≤ √<paramref name="high"/> (and possibly more).</summary>
    public static int[] UpTo(long high)
    {
        var limit = (int)Math.Sqrt(high) + 1;
        var cache = Volatile.Read(ref _cache);
        if (cache.Limit >= limit) return cache.Primes;
        var primes = PrimeSieve.PrimesUpTo(limit);
        Volatile.Write(ref _cache, new Sieved(limit, primes));
        return primes;
    }

    private sealed record Sieved(int Limit, int[] Primes);
}
