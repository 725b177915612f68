using System.CommandLine;
using ActorProc.Bench.Harness;
using ActorProc.Core.Actors;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// Skynet: a root spawns 10 children, each spawns 10 more, down to L leaves (L a power of
/// 10); each leaf replies with its number, each parent sums its children's replies and
/// replies to its own parent. The root's answer must be L(L-1)/2 (499,999,500,000 for
/// 1,000,000 leaves). Measures the time to build and collapse the tree, in ms, and bytes
/// allocated per node. Baseline: the same tree as async Task recursion (Task.Run + Task.WhenAll).
/// </summary>
internal sealed class Skynet : IScenario
{
    private readonly Option<int?> _leaves = CreateLeavesOption();

    public string Name => "skynet";

    public string Summary => "A tree of 10-way spawns down to 1,000,000 leaves that sums their numbers: ms to the root's answer.";

    public IReadOnlyList<Option> Options => [_leaves];

    public BenchDefinition Define(SizeReader sizes)
    {
        var leaves = sizes.Get(_leaves, 1_000_000, 1_000);
        var workload = new Workload(leaves);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "ms",
            LowerIsBetter = true,
            Description = $"{leaves:N0} leaves, {workload.Nodes:N0} nodes (actors or tasks) per round",
            Check = $"the root's sum equals {workload.ExpectedSum:N0} (sum of 0..{leaves - 1:N0})",
            Parameters = [new("leaves", leaves), new("nodes", workload.Nodes)],
            Contenders =
            [
                new Contender("actorproc", ctx => RunActors(workload.For(ctx))),
                new Contender("tasks", ctx => RunTasks(workload.For(ctx))),
            ],
        };
    }

    private static Option<int?> CreateLeavesOption()
    {
        var option = new Option<int?>("--leaves") { Description = "Leaves of the tree, a power of 10 from 10 to 100,000,000 (default 1,000,000)." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } leaves && !Workload.IsPowerOfTen(leaves))
            {
                result.AddError("--leaves must be a power of 10 (10, 100, 1000, ...).");
            }
        });
        return option;
    }

    private static Task<RoundResult> RunActors(Workload w) => ActorRound.RunAsync("skynet", async system =>
    {
        var answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = RoundClock.Start();
        system.ActorOf(Props.Create(() => new NodeActor(0, w.Leaves, answer)));
        var sum = await answer.Task;
        var (elapsed, allocated) = clock.Stop();
        return w.Result(sum, elapsed, allocated);
    });

    private static async Task<RoundResult> RunTasks(Workload w)
    {
        var clock = RoundClock.Start();
        var sum = await Task.Run(() => TaskNode(0, w.Leaves));
        var (elapsed, allocated) = clock.Stop();
        return w.Result(sum, elapsed, allocated);
    }

    private static async Task<long> TaskNode(long number, long size)
    {
        if (size == 1)
        {
            return number;
        }

        var childSize = size / 10;
        var children = new Task<long>[10];
        for (var i = 0; i < 10; i++)
        {
            var childNumber = number + (i * childSize);
            children[i] = Task.Run(() => TaskNode(childNumber, childSize));
        }

        long sum = 0;
        foreach (var childSum in await Task.WhenAll(children).ConfigureAwait(false))
        {
            sum += childSum;
        }

        return sum;
    }

    /// <summary>
    /// One node of the tree covering the numbers [number, number + size): a leaf replies with
    /// its number, an inner node spawns 10 children and replies with the sum of theirs. Each
    /// node stops itself once it has replied. The root replies to <c>answer</c> instead of its parent.
    /// </summary>
    private sealed class NodeActor(long number, long size, TaskCompletionSource<long>? answer) : UntypedActor
    {
        private long _sum;
        private int _pending;

        protected override void PreStart()
        {
            if (size == 1)
            {
                Reply(number);
                return;
            }

            var childSize = size / 10;
            _pending = 10;
            for (var i = 0; i < 10; i++)
            {
                var childNumber = number + (i * childSize);
                Context.ActorOf(Props.Create(() => new NodeActor(childNumber, childSize, null)));
            }
        }

        protected override void OnReceive(object message)
        {
            if (message is long childSum)
            {
                _sum += childSum;
                if (--_pending == 0)
                {
                    Reply(_sum);
                }
            }
            else
            {
                Unhandled(message);
            }
        }

        private void Reply(long value)
        {
            if (answer is null)
            {
                Context.Parent.Tell(value, Self);
            }
            else
            {
                answer.TrySetResult(value);
            }

            Context.Stop(Self);
        }
    }

    /// <summary>The tree's size and its expected answer.</summary>
    private sealed record Workload(int Leaves)
    {
        /// <summary>Leaves + all inner nodes: 1 + 10 + 100 + ... + Leaves.</summary>
        public long Nodes => (10L * Leaves - 1) / 9;

        public long ExpectedSum => (long)Leaves * (Leaves - 1) / 2;

        /// <summary>The warm-up round builds a tree a tenth the size (it only needs to run the code, not to be timed).</summary>
        public Workload For(RoundContext ctx) => ctx.IsWarmup && Leaves >= 100 ? new Workload(Leaves / 10) : this;

        public static bool IsPowerOfTen(int value)
        {
            if (value < 10)
            {
                return false;
            }

            while (value % 10 == 0)
            {
                value /= 10;
            }

            return value == 1;
        }

        public RoundResult Result(long sum, TimeSpan elapsed, long allocatedBytes) =>
            RoundResult.Millis(elapsed, sum == ExpectedSum)
                .With("bytes_per_actor", (double)allocatedBytes / Nodes) with
            { Failure = sum == ExpectedSum ? null : $"the root answered {sum:N0}, expected {ExpectedSum:N0}" };
    }
}
