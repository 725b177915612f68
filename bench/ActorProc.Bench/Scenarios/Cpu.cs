using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ActorProc.Bench.Harness;
using ActorProc.Pools;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// CPU-bound parallel speed-up: 200 tasks, each the sum of i*i for i &lt; 1,000,000 as a long.
/// Every contender's time is reported as its speed-up over the sequential loop of the same
/// round (so "sequential" is 1 by definition). Baseline: Parallel.ForEach. ActorProc maps the
/// tasks over a <see cref="WorkerPool"/> on the CPU dispatcher, created outside the timed part.
/// </summary>
internal sealed class Cpu : IScenario
{
    private const string Reference = "sequential";

    private readonly Option<int?> _tasks = SizeReader.Positive("--tasks", "CPU tasks per round (default 200).", 1);
    private readonly Option<int?> _limit = SizeReader.Positive("--limit", "Each task sums i*i for i below this (default 1,000,000).", 1);

    public string Name => "cpu";

    public string Summary => "200 sum-of-squares tasks: speed-up over a sequential loop.";

    public IReadOnlyList<Option> Options => [_tasks, _limit];

    public BenchDefinition Define(SizeReader sizes)
    {
        var workload = new Workload(sizes.Get(_tasks, 200, 20), sizes.Get(_limit, 1_000_000, 10_000));
        return new BenchDefinition
        {
            Name = Name,
            Unit = "speedup over sequential",
            RoundUnit = "ms",
            Description = $"{workload.Tasks} tasks × sum of i*i for i < {workload.Limit:N0} on {Environment.ProcessorCount} cores",
            Check = $"every task's sum equals {workload.ExpectedSum:N0}",
            Parameters = [new("tasks", workload.Tasks), new("limit", workload.Limit)],
            Contenders =
            [
                new Contender("actorproc", _ => RunActorProc(workload)),
                Contender.Sync("parallel-foreach", _ => workload.Run(results => Parallel.ForEach(Enumerable.Range(0, results.Length), t => results[t] = SumOfSquares(workload.Limit)))),
                Contender.Sync(Reference, _ => workload.Run(results =>
                {
                    for (var t = 0; t < results.Length; t++)
                    {
                        results[t] = SumOfSquares(workload.Limit);
                    }
                })),
            ],
            Normalize = SpeedUp.Over(Reference),
        };
    }

    private static async Task<RoundResult> RunActorProc(Workload workload)
    {
        await using var pool = WorkerPool.Create();
        var started = Stopwatch.GetTimestamp();
        var sums = await pool.MapAsync(Enumerable.Range(0, workload.Tasks), _ => SumOfSquares(workload.Limit));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return workload.Check(sums, elapsed);
    }

    /// <summary>The task: Σ i² for 0 ≤ i &lt; <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static long SumOfSquares(int limit)
    {
        long sum = 0;
        for (long i = 0; i < limit; i++)
        {
            sum += i * i;
        }

        return sum;
    }

    private sealed record Workload(int Tasks, int Limit)
    {
        // Int128 so the closed form cannot overflow; truncating to long wraps exactly as the loop's sum does.
        public long ExpectedSum => (long)((Int128)(Limit - 1) * Limit * ((2L * Limit) - 1) / 6);

        /// <summary>Times <paramref name="runAll"/> filling one result per task, in ms, and checks every result.</summary>
        public RoundResult Run(Action<long[]> runAll)
        {
            var results = new long[Tasks];
            var started = Stopwatch.GetTimestamp();
            runAll(results);
            return Check(results, Stopwatch.GetElapsedTime(started));
        }

        /// <summary>The round's result for the given per-task sums and time.</summary>
        public RoundResult Check(IReadOnlyList<long> results, TimeSpan elapsed)
        {
            var wrong = results.Count(r => r != ExpectedSum);
            return RoundResult.Millis(elapsed, wrong == 0) with
            { Failure = wrong == 0 ? null : $"{wrong} of {Tasks} sums were wrong" };
        }
    }
}
