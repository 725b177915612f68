using System.CommandLine;
using System.Diagnostics;
using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Footprint: N idle actors (default 1,000,000) kept alive; reports the bytes the heap grows
/// by per actor after a full compacting collection, and the spawn rate. Reference: N pending
/// async tasks, each awaiting its own TaskCompletionSource.
/// </summary>
internal sealed class Memory : IScenario
{
    private readonly Option<int?> _actors = SizeReader.Positive("--actors", "Idle actors to create (default 1,000,000).", 1);

    public string Name => "memory";

    public string Summary => "1,000,000 idle actors: bytes retained per actor and spawn rate.";

    public IReadOnlyList<Option> Options => [_actors];

    public BenchDefinition Define(SizeReader sizes)
    {
        var count = sizes.Get(_actors, 1_000_000, 2_000);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "bytes/actor",
            LowerIsBetter = true,
            Description = $"{count:N0} idle actors (or pending tasks) alive at once, heap measured after a full compacting GC",
            Check = $"all {count:N0} actors started (or tasks were pending) and were alive when the heap was measured; each idle actor holds one reference (to its start counter)",
            Parameters = [new("actors", count)],
            Contenders =
            [
                new Contender("actorproc", ctx => RunActors(For(ctx, count))),
                new Contender("tasks", ctx => RunTasks(For(ctx, count))),
            ],
        };
    }

    /// <summary>The warm-up round creates a tenth as many.</summary>
    private static int For(RoundContext ctx, int count) => ctx.IsWarmup ? Math.Max(1, count / 10) : count;

    private static Task<RoundResult> RunActors(int count) => ActorRound.RunAsync("memory", async system =>
    {
        // The array first, so the references to what is measured are not counted in it.
        var actors = new IActorRef[count];
        var started = new StartCountdown(count);
        var props = Props.Create(() => new IdleActor(started));
        var before = HeapSize();

        var spawnStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            actors[i] = system.ActorOf(props);
        }

        await started.AllStarted;
        var spawnTime = Stopwatch.GetElapsedTime(spawnStarted);
        var after = HeapSize();
        GC.KeepAlive(actors);
        return Result(count, started.Remaining == 0, before, after, spawnTime);
    });

    private static async Task<RoundResult> RunTasks(int count)
    {
        // Arrays first, so the references to what is measured are not counted in it.
        var gates = new TaskCompletionSource[count];
        var tasks = new Task[count];
        var before = HeapSize();

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            gates[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            tasks[i] = AwaitGate(gates[i].Task);
        }

        var spawnTime = Stopwatch.GetElapsedTime(started);
        var after = HeapSize();
        var pending = tasks.Count(t => !t.IsCompleted);

        foreach (var gate in gates)
        {
            gate.SetResult();
        }

        await Task.WhenAll(tasks);
        return Result(count, pending == count, before, after, spawnTime);
    }

    /// <summary>Does nothing but exist; reports once that it has started.</summary>
    private sealed class IdleActor(StartCountdown started) : UntypedActor
    {
        protected override void PreStart() => started.Signal();

        protected override void OnReceive(object message) => Unhandled(message);
    }

    /// <summary>Completes <see cref="AllStarted"/> when <see cref="Signal"/> has been called <c>count</c> times, from any threads.</summary>
    private sealed class StartCountdown(int count)
    {
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task AllStarted => _allStarted.Task;

        public int Remaining => Volatile.Read(ref _remaining);

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _allStarted.TrySetResult();
            }
        }
    }

    private static async Task AwaitGate(Task gate) => await gate.ConfigureAwait(false);

    /// <summary>
    /// Heap bytes in use after a full, blocking, compacting collection (GetTotalMemory(true)
    /// then collects again until the size settles, which after a compaction is one more pass).
    /// </summary>
    private static long HeapSize()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Bytes per actor plus the spawn rate.</summary>
    private static RoundResult Result(int count, bool correct, long heapBefore, long heapAfter, TimeSpan spawnTime) =>
        new RoundResult((double)(heapAfter - heapBefore) / count, correct)
            .With("actors_per_s", count / Math.Max(spawnTime.TotalSeconds, 1e-9)) with
        { Failure = correct ? null : "not every actor (or task) was alive and idle when measured" };
}
