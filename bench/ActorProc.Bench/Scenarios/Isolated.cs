using System.CommandLine;
using System.Diagnostics;
using ActorProc.Bench.Harness;
using ActorProc.Isolation;
using ActorProc.Pools;
using ActorProc.Tasks;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Process isolation's cost: 200 tasks of Σ i² for i &lt; 1,000,000 on a pool of 2 worker processes
/// (<see cref="WorkerPoolOptions.Isolation"/>) beside the same pool of 2 in-process workers. Both pools
/// are created, and the processes started and warmed up, outside the timed part; the value is tasks
/// per second. The worker processes are this bench program itself (the "spawn" pattern:
/// <see cref="Program"/> serves them with <see cref="Registry"/>).
/// </summary>
internal sealed class Isolated : IScenario
{
    private const string TaskName = "bench-sumsq";

    private readonly Option<int?> _tasks = SizeReader.Positive("--tasks", "Tasks per round (default 200).", 1);
    private readonly Option<int?> _limit = SizeReader.Positive("--limit", "Each task sums i*i for i below this (default 1,000,000).", 1);

    public string Name => "isolated";

    public string Summary => "200 sum-of-squares tasks: a pool of 2 worker processes beside a pool of 2 in-process workers.";

    public IReadOnlyList<Option> Options => [_tasks, _limit];

    /// <summary>The tasks the bench's worker processes serve.</summary>
    public static TaskRegistry Registry()
    {
        var registry = new TaskRegistry();
        registry.Register<int, long>(TaskName, Cpu.SumOfSquares);
        return registry;
    }

    public BenchDefinition Define(SizeReader sizes)
    {
        var tasks = sizes.Get(_tasks, 200, 20);
        var limit = sizes.Get(_limit, 1_000_000, 10_000);
        var expected = (long)((Int128)(limit - 1) * limit * ((2L * limit) - 1) / 6);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "tasks/s",
            Description = $"{tasks} tasks × sum of i*i for i < {limit:N0}, 2 workers, on {Environment.ProcessorCount} cores",
            Check = $"every task's sum equals {expected:N0}",
            Parameters = [new("tasks", tasks), new("limit", limit), new("processes", 2)],
            Contenders =
            [
                new Contender("isolated-processes", _ => RunAsync(isolated: true, tasks, limit, expected)),
                new Contender("in-process", _ => RunAsync(isolated: false, tasks, limit, expected)),
            ],
        };
    }

    private static async Task<RoundResult> RunAsync(bool isolated, int tasks, int limit, long expected)
    {
        var options = new WorkerPoolOptions { Workers = 2 };
        if (isolated)
        {
            var bench = typeof(Isolated).Assembly.Location; // the bench program, also when a test host runs the scenario
            options = options with { Isolation = new WorkerIsolation { Processes = 2, StartInfo = () => WorkerProcessStart.ForAssembly(bench) } };
        }
        await using var pool = WorkerPool.Create(options);
        Func<int, CancellationToken, Task<long>> work = isolated
            ? pool.Isolated<int, long>(TaskName)
            : (n, _) => Task.FromResult(Cpu.SumOfSquares(n));
        // Warm up outside the timed part: both processes started and registered, the code jitted.
        await (isolated ? pool.MapAsync(Enumerable.Repeat(limit, 8), work) : pool.MapAsync(Enumerable.Repeat(limit, 8), n => Cpu.SumOfSquares(n)));
        var started = Stopwatch.GetTimestamp();
        var sums = isolated
            ? await pool.MapAsync(Enumerable.Repeat(limit, tasks), work)
            : await pool.MapAsync(Enumerable.Repeat(limit, tasks), n => Cpu.SumOfSquares(n));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var wrong = sums.Count(s => s != expected);
        return RoundResult.Rate(tasks, elapsed, wrong == 0) with { Failure = wrong == 0 ? null : $"{wrong} of {tasks} sums were wrong" };
    }
}
