using System.Buffers;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Counts primes in a range with a segmented sieve of Eratosthenes: the primes up to √N are found
/// once, then each range crosses out their multiples in a buffer of its own. Pure CPU work.
/// </summary>
internal static class PrimeSieve
{
    /// <summary>The primes ≤ <paramref name="limit"/> (a plain sieve; called once with √N).</summary>
    public static int[] PrimesUpTo(int limit)
    {
        if (limit < 2) return [];
        var composite = new bool[limit + 1];
        var primes = new List<int>();
        for (var i = 2; i <= limit; i++)
        {
            if (composite[i]) continue;
            primes.Add(i);
            for (var m = (long)i * i; m <= limit; m += i) composite[m] = true;
        }
        return [.. primes];
    }

    /// <summary>
    /// Number of primes in [<paramref name="low"/>, <paramref name="high"/>]; <paramref name="basePrimes"/>
    /// must hold every prime ≤ √high.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static long CountPrimes(long low, long high, int[] basePrimes, CancellationToken cancellationToken)
    {
        low = Math.Max(low, 2);
        if (high < low) return 0;
        var size = checked((int)(high - low + 1));
        var composite = ArrayPool<bool>.Shared.Rent(size);
        try
        {
            Array.Clear(composite, 0, size);
            for (var k = 0; k < basePrimes.Length; k++)
            {
                long p = basePrimes[k];
                if (p * p > high) break;
                if ((k & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                var first = Math.Max(p * p, (low + p - 1) / p * p);
                for (var m = first; m <= high; m += p) composite[m - low] = true;
            }
            return size - composite.AsSpan(0, size).Count(true);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(composite);
        }
    }
}
