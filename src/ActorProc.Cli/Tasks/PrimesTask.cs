using System.Diagnostics;
using System.Globalization;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>actorproc run primes --to N [--chunk K]</c>: counts the primes ≤ N by cutting [1, N] into
/// ranges of K numbers (default: about 16 ranges per worker, between 10,000 and 16,777,216 numbers),
/// one task each, sieved in parallel. Result: the total count. With <c>--isolate</c> the ranges are
/// sieved in worker processes (<see cref="WorkerTaskName"/>), each sieving the base primes once.
/// </summary>
internal sealed class PrimesTask(long to, long? chunk) : ICliTask, IIsolatedCliTask
{
    /// <summary>The worker processes' task: the primes in one range, given as <c>"low-high"</c>.</summary>
    public const string WorkerTaskName = "primes-range";

    /// <summary>Largest accepted N (the base primes up to √N stay small).</summary>
    public const long MaxTo = 1_000_000_000_000_000;

    /// <summary>Most ranges one run may have, so a tiny --chunk cannot exhaust memory.</summary>
    public const long MaxRanges = 10_000_000;

    /// <summary>Largest accepted range (one buffer of this many bytes per running task).</summary>
    public const long MaxChunk = 1 << 24;

    public string Name => "primes";

    public IReadOnlyList<string> WorkerArguments => [];

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
        var report = context.PoolOptions.Isolation is null
            ? await pool.RunAsync(ranges, r => (Int128)PrimeSieve.CountPrimes(r.Low, r.High, basePrimes, token), context.JobOptions, token).ConfigureAwait(false)
            : await pool.RunAsync(ranges, pool.Isolated<PrimeRange, Int128>(WorkerTaskName, r => string.Create(CultureInfo.InvariantCulture, $"{r.Low}-{r.High}")), context.JobOptions, token).ConfigureAwait(false);
        return NumberTasks.Total(Name, report, started, "ranges");
    }

    /// <summary>A worker process's task: the number of primes in <paramref name="range"/> (<c>"low-high"</c>).</summary>
    /// <exception cref="FormatException">The range is not two whole numbers joined by '-'.</exception>
    internal static Int128 CountRange(string range)
    {
        var dash = range.IndexOf('-', 1);
        if (dash < 0 || !long.TryParse(range.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !long.TryParse(range.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var high) || high > MaxTo)
            throw new FormatException($"A primes range must be 'low-high' with whole numbers up to {MaxTo:N0}, got '{range}'.");
        return PrimeSieve.CountPrimes(low, high, BasePrimesFor(high), CancellationToken.None);
    }

    // The worker's base primes: sieved for the first range, again only for a range past their √.
    private static volatile BasePrimes? _workerBasePrimes;

    private static int[] BasePrimesFor(long high)
    {
        var limit = (int)Math.Sqrt(high) + 1;
        if (_workerBasePrimes is { } cached && cached.Limit >= limit) return cached.Primes; // extra primes past √high are skipped
        var fresh = new BasePrimes(limit, PrimeSieve.PrimesUpTo(limit));
        _workerBasePrimes = fresh;
        return fresh.Primes;
    }

    private sealed record BasePrimes(int Limit, int[] Primes);

    /// <summary>One task's input: the numbers [Low, High].</summary>
    private sealed record PrimeRange(long Low, long High)
    {
        public override string ToString() => $"[{Low}, {High}]";
    }
}
