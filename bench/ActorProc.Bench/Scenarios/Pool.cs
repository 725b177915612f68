using System.Collections.Concurrent;
using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Dataflow;
using ActorProc.Bench.Harness;
using ActorProc.Pools;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Scheduling overhead of a worker pool: 10 million no-op tasks, so nothing but the pool's
/// own cost is measured. Baselines: Parallel.ForEach over range partitions, and a Dataflow
/// ActionBlock with one degree of parallelism per core. ActorProc runs the same loop body
/// through a <see cref="WorkerPool"/> (automatic chunking), created outside the timed part.
/// </summary>
internal sealed class Pool : IScenario
{
    private readonly Option<int?> _tasks = SizeReader.Positive("--tasks", "No-op tasks per round (default 10,000,000).", 1);
    private readonly Option<bool> _withMetrics = new("--with-metrics")
    {
        Description = "Also run the pool with its metrics listened to: actorproc-counters (a MeterListener on every ActorProc counter "
            + "and gauge, not the task-duration histogram), actorproc-durations (the same listener taking every task's duration too, "
            + "which makes the pool time each task) and actorproc-otel (an OpenTelemetry MeterProvider collecting every ActorProc "
            + "instrument, the histogram included, exported every second).",
    };

    public string Name => "pool";

    public string Summary => "10 million no-op tasks through a worker pool: tasks/s (pure scheduling overhead).";

    public IReadOnlyList<Option> Options => [_tasks, _withMetrics];

    public BenchDefinition Define(SizeReader sizes)
    {
        var tasks = sizes.Get(_tasks, 10_000_000, 10_000);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "tasks/s",
            Description = $"{tasks:N0} no-op tasks per round on {Environment.ProcessorCount} cores",
            Check = $"every one of the {tasks:N0} tasks ran exactly once (counted per range, per item, and by the pool's task counter once the pool stopped)",
            Parameters = [new("tasks", tasks)],
            Contenders =
            [
                new Contender("actorproc", _ => RunActorProc(tasks)),
                Contender.Sync("parallel-foreach", _ => RunParallelForEach(tasks)),
                new Contender("dataflow", _ => RunDataflow(tasks)),
                .. sizes.Flag(_withMetrics)
                    ? new[]
                    {
                        new Contender("actorproc-counters", _ => PoolMetricsListeners.WithListenerAsync(() => RunActorProc(tasks), durations: false)),
                        new Contender("actorproc-durations", _ => PoolMetricsListeners.WithListenerAsync(() => RunActorProc(tasks), durations: true)),
                        new Contender("actorproc-otel", _ => PoolMetricsListeners.WithOpenTelemetryAsync(() => RunActorProc(tasks))),
                    }
                    : [],
            ],
        };
    }

    /// <summary>The task every contender runs: nothing, behind a call the JIT cannot remove.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NoOp(int item)
    {
    }

    private static async Task<RoundResult> RunActorProc(int tasks)
    {
        // Every contender runs the same body, NoOp(i). Parallel.ForEach is counted once per range and
        // the pool by its own per-task counter: an extra per-item count here (even a thread-local one)
        // would cost several times the no-op itself and measure the counter rather than the pool.
        var pool = WorkerPool.Create();
        TimeSpan elapsed;
        try
        {
            var clock = RoundClock.Start();
            await pool.ForEachAsync(Enumerable.Range(0, tasks), static i => NoOp(i));
            (elapsed, _) = clock.Stop();
        }
        finally
        {
            await pool.StopAsync();
        }

        // Read only once the pool has stopped: a worker adds the tasks of a lease or chunk to the counter
        // after it reported them to the job, so right after the job completes the last worker's share
        // may not be in yet (this once failed a round with "5,276,931 tasks ran, expected 10,000,000").
        // A stopped worker has finished its last message, so the count is final here.
        return Result(tasks, pool.Statistics.TasksStarted, elapsed);
    }

    private static RoundResult RunParallelForEach(int tasks)
    {
        var counter = new StripedCounter();
        var clock = RoundClock.Start();
        Parallel.ForEach(Partitioner.Create(0, tasks), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                NoOp(i);
            }

            counter.Add(range.Item2 - range.Item1);
        });
        var (elapsed, _) = clock.Stop();
        return Result(tasks, counter.Total, elapsed);
    }

    private static async Task<RoundResult> RunDataflow(int tasks)
    {
        var counter = new StripedCounter();
        var options = new ExecutionDataflowBlockOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            SingleProducerConstrained = true,
        };
        var block = new ActionBlock<int>(
            i =>
            {
                NoOp(i);
                counter.Add(1);
            },
            options);

        var clock = RoundClock.Start();
        for (var i = 0; i < tasks; i++)
        {
            block.Post(i);
        }

        block.Complete();
        await block.Completion;
        var (elapsed, _) = clock.Stop();
        return Result(tasks, counter.Total, elapsed);
    }

    private static RoundResult Result(int expected, long ran, TimeSpan elapsed) =>
        RoundResult.Rate(expected, elapsed, ran == expected) with
        { Failure = ran == expected ? null : $"{ran:N0} tasks ran, expected {expected:N0}" };
}
