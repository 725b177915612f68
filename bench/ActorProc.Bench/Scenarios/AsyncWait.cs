using System.CommandLine;
using System.Diagnostics;
using ActorProc.Bench.Harness;
using ActorProc.Pools;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Many concurrent I/O-style tasks (the asyncio "gather" seed): 10,000 tasks that each await a
/// 100 ms delay, all in flight at once. ActorProc runs them through a worker pool whose async
/// concurrency limit admits them all; the baseline is <c>Task.WhenAll</c> over the same delays.
/// The ideal is just over 100 ms whatever the count, without a thread per task.
/// </summary>
internal sealed class AsyncWait : IScenario
{
    private readonly Option<int?> _tasks = SizeReader.Positive("--tasks", "Concurrent async tasks per round (default 10,000).", 1);
    private readonly Option<int?> _delay = SizeReader.Positive("--delay-ms", "Delay each task awaits, in ms (default 100).", 1);

    public string Name => "async";

    public string Summary => "10,000 concurrent tasks each awaiting 100 ms: time until all are done.";

    public IReadOnlyList<Option> Options => [_tasks, _delay];

    public BenchDefinition Define(SizeReader sizes)
    {
        var tasks = sizes.Get(_tasks, 10_000, 1_000);
        var delay = TimeSpan.FromMilliseconds(sizes.Get(_delay, 100, 20));
        return new BenchDefinition
        {
            Name = Name,
            Unit = "ms",
            LowerIsBetter = true,
            Description = $"{tasks:N0} tasks × await Task.Delay({delay.TotalMilliseconds:0} ms), all in flight at once",
            Check = $"all {tasks:N0} tasks completed (counted)",
            Parameters = [new("tasks", tasks), new("delay_ms", delay.TotalMilliseconds)],
            Contenders =
            [
                new Contender("actorproc", _ => RunActorProc(tasks, delay)),
                new Contender("task-whenall", _ => RunWhenAll(tasks, delay)),
            ],
        };
    }

    private static async Task<RoundResult> RunActorProc(int tasks, TimeSpan delay)
    {
        var done = 0;
        await using var pool = WorkerPool.Create(new WorkerPoolOptions { MaxConcurrency = tasks });
        var started = Stopwatch.GetTimestamp();
        await pool.ForEachAsync(Enumerable.Range(0, tasks), async (_, ct) =>
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
            Interlocked.Increment(ref done);
        });
        return Result(tasks, done, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<RoundResult> RunWhenAll(int tasks, TimeSpan delay)
    {
        var done = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(async _ =>
        {
            await Task.Delay(delay).ConfigureAwait(false);
            Interlocked.Increment(ref done);
        }));
        return Result(tasks, done, Stopwatch.GetElapsedTime(started));
    }

    private static RoundResult Result(int expected, int done, TimeSpan elapsed) =>
        RoundResult.Millis(elapsed, done == expected) with
        { Failure = done == expected ? null : $"{done:N0} of {expected:N0} tasks completed" };
}
