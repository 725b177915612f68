using System.Diagnostics;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>actorproc run sumsq --n N [--tasks T]</c>: the seed's <c>sum(i*i for i in range(n))</c> computed
/// by T independent tasks (default 100), exactly (128-bit). Result: the total over all tasks,
/// T × Σ i², so a wrong or missing task shows.
/// </summary>
internal sealed class SumSquaresTask(long n, long tasks) : ICliTask, IIsolatedCliTask
{
    /// <summary>Largest accepted n: i*i must fit in 64 bits for every i &lt; n.</summary>
    public const long MaxN = 3_037_000_499;

    public string Name => "sumsq";

    public void Validate()
    {
    }

    public IReadOnlyList<string> WorkerArguments => [];

    public async Task<RunResult> RunAsync(RunContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var token = context.Token;
        context.Verbose($"sumsq: {tasks:N0} task(s) of sum(i*i for i in range({n:N0}))");
        (var pool, started) = await context.PoolAsync(started).ConfigureAwait(false);
        var report = context.PoolOptions.Isolation is null
            ? await pool.RunAsync(LongRange(tasks), _ => SumOfSquares(n, token), context.JobOptions, token).ConfigureAwait(false)
            : await pool.RunAsync(LongRange(tasks), pool.Isolated<long, Int128>(Name, _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), context.JobOptions, token).ConfigureAwait(false);
        return NumberTasks.Total(Name, report, started, "tasks");
    }

    /// <summary>Σ i² for 0 ≤ i &lt; <paramref name="n"/>, checking for cancellation every million terms.</summary>
    internal static Int128 SumOfSquares(long n, CancellationToken cancellationToken) => SumOfSquares(0, n, cancellationToken);

    /// <summary>Σ i² for <paramref name="from"/> ≤ i &lt; <paramref name="to"/> (a cluster task's range), checking for cancellation every million terms.</summary>
    internal static Int128 SumOfSquares(long from, long to, CancellationToken cancellationToken)
    {
        Int128 sum = 0;
        for (var block = from; block < to; block += 1 << 20)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(to, block + (1 << 20));
            for (var i = block; i < end; i++) sum += i * i;
        }
        return sum;
    }

    private static List<long> LongRange(long count)
    {
        var list = new List<long>((int)count);
        for (long i = 0; i < count; i++) list.Add(i);
        return list;
    }
}
