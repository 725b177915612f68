using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorProc.Bench.Harness;
using ActorProc.Pools;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Per-task submission overhead (the <c>executor.submit()</c> seed): one caller submits 100,000 tiny
/// tasks one by one, keeping each task's future, then awaits them all. ActorProc goes through
/// <see cref="WorkerPool.SubmitAsync{TIn,TOut}(Func{TIn,TOut},TIn,CancellationToken)"/>; the baselines
/// are <c>Task.Run</c> of the same delegate, and a hand-made executor (an unbounded channel read by one
/// consumer task per core, each item completing its own TaskCompletionSource), the least a
/// submit-with-a-future can cost. The pool is created outside the timed part.
/// </summary>
internal sealed class Submit : IScenario
{
    private readonly Option<int?> _tasks = SizeReader.Positive("--tasks", "Tasks submitted one by one per round (default 100,000).", 1);

    public string Name => "submit";

    public string Summary => "100,000 tiny tasks submitted one by one, each with its own future: tasks/s.";

    public IReadOnlyList<Option> Options => [_tasks];

    public BenchDefinition Define(SizeReader sizes)
    {
        var tasks = sizes.Get(_tasks, 100_000, 2_000);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "tasks/s",
            Description = $"1 caller submits {tasks:N0} tasks (x => x + 1) one by one and awaits every future, on {Environment.ProcessorCount} cores",
            Check = $"every one of the {tasks:N0} futures completed with its own value (sum checked)",
            Parameters = [new("tasks", tasks)],
            Contenders =
            [
                new Contender("actorproc", _ => RunActorProc(tasks)),
                new Contender("task-run", _ => RunTaskRun(tasks)),
                new Contender("channel-consumers", _ => RunChannel(tasks)),
            ],
        };
    }

    /// <summary>The task every contender runs: tiny, behind a call the JIT cannot remove.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Tiny(int x) => x + 1;

    private static async Task<RoundResult> RunActorProc(int tasks)
    {
        await using var pool = WorkerPool.Create();
        var futures = new Task<int>[tasks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < tasks; i++) futures[i] = pool.SubmitAsync(Tiny, i);
        var submitted = Stopwatch.GetElapsedTime(started);
        var values = await Task.WhenAll(futures);
        return Result(tasks, values, Stopwatch.GetElapsedTime(started), submitted);
    }

    private static async Task<RoundResult> RunTaskRun(int tasks)
    {
        var futures = new Task<int>[tasks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < tasks; i++)
        {
            var input = i;
            futures[i] = Task.Run(() => Tiny(input));
        }

        var submitted = Stopwatch.GetElapsedTime(started);
        var values = await Task.WhenAll(futures);
        return Result(tasks, values, Stopwatch.GetElapsedTime(started), submitted);
    }

    private static async Task<RoundResult> RunChannel(int tasks)
    {
        var channel = Channel.CreateUnbounded<(int Input, TaskCompletionSource<int> Future)>(
            new UnboundedChannelOptions { SingleWriter = true, SingleReader = false });
        // Consumers start before the clock, like the pool's workers.
        var consumers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(async () =>
            {
                await foreach (var (input, future) in channel.Reader.ReadAllAsync().ConfigureAwait(false)) future.SetResult(Tiny(input));
            }))
            .ToArray();
        var futures = new Task<int>[tasks];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < tasks; i++)
        {
            // RunContinuationsAsynchronously: what ActorProc promises its futures too (no caller code on its threads).
            var future = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            futures[i] = future.Task;
            channel.Writer.TryWrite((i, future));
        }

        var submitted = Stopwatch.GetElapsedTime(started);
        var values = await Task.WhenAll(futures);
        var elapsed = Stopwatch.GetElapsedTime(started);
        channel.Writer.Complete();
        await Task.WhenAll(consumers);
        return Result(tasks, values, elapsed, submitted);
    }

    /// <summary>Rate over the whole round, with the caller's submit loop alone as an extra metric.</summary>
    private static RoundResult Result(int tasks, int[] values, TimeSpan elapsed, TimeSpan submitted)
    {
        var expected = (long)tasks * (tasks + 1) / 2; // Σ (i + 1) for i < tasks
        var sum = values.Sum(v => (long)v);
        return RoundResult.Rate(tasks, elapsed, sum == expected).With("submit_ms", submitted.TotalMilliseconds) with
        { Failure = sum == expected ? null : $"values sum to {sum:N0}, expected {expected:N0}" };
    }
}
