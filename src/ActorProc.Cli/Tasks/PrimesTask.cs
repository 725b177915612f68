using System.Diagnostics;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>actorproc run primes --to N [--chunk K]</c>: counts the primes ≤ N by cutting [1, N] into
/// ranges of K numbers (default: about 16 ranges per worker, between 10,000 and 16,777,216 numbers),
/// one task each, sieved in parallel. Result: the total count.
/// </summary>
internal sealed class PrimesTask(long to, long? chunk) : ICliTask
{
    /// <summary>Largest accepted N (the base primes up to √N stay small).</summary>
    public const long MaxTo = 1_000_000_000_000_000;

    /// <summary>Most ranges one run may have, so a tiny --chunk cannot exhaust memory.</summary>
    public const long MaxRanges = 10_000_000;

    /// <summary>Largest accepted range (one buffer of this many bytes per running task).</summary>
    public const long MaxChunk = 1 << 24;

    public string Name => "primes";

    public void Validate()
    {
        if (chunk is { } k && (to + k - 1) / k > MaxRanges)
            throw new UsageException($"--chunk {k} would make {(to + k - 1) / k:N0} tasks; use a chunk of at least {(to + MaxRanges - 1) / MaxRanges:N0}.");
    }

    public async Task<RunResult> RunAsync(RunContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var size = chunk ?? Math.Clamp(to / (context.PoolOptions.Workers * 16L), 10_000, MaxChunk);
        context.Progress.Stage = "sieving base primes";
        var basePrimes = PrimeSieve.PrimesUpTo((int)Math.Sqrt(to) + 1);
        var ranges = new List<PrimeRange>();
        for (long low = 1; low <= to; low += size) ranges.Add(new PrimeRange(low, Math.Min(to, low + size - 1)));
        context.Verbose($"primes: {ranges.Count} range(s) of up to {size:N0} numbers, {basePrimes.Length:N0} base primes");
        var token = context.Token;
        (var pool, started) = await context.PoolAsync(started).ConfigureAwait(false);
        var report = await pool.RunAsync(ranges, r => (Int128)PrimeSieve.CountPrimes(r.Low, r.High, basePrimes, token), context.JobOptions, token)
            .ConfigureAwait(false);
        return NumberTasks.Total(Name, report, started, "ranges");
    }

    /// <summary>One task's input: the numbers [Low, High].</summary>
    private sealed record PrimeRange(long Low, long High)
    {
        public override string ToString() => $"[{Low}, {High}]";
    }
}
