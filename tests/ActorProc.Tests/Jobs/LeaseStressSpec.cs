using System.Collections.Concurrent;

namespace ActorProc.Tests.Jobs;

/// <summary>
/// Drives <see cref="RangeLease{TIn,TOut}"/> directly from more threads than cores (so claims race and
/// threads are preempted mid-block) and checks the lease's promise: every index is either run by
/// exactly one worker or handed back in exactly one unrun range, and the workers' reports settle
/// exactly what they touched. Guards the "tasks ran, expected 10,000,000" report of <c>bench pool</c>.
/// </summary>
public sealed class LeaseStressSpec
{
    private const int Threads = 4;

    [Fact]
    public void Lease_blocks_cover_every_index_exactly_once()
    {
        for (var round = 0; round < 20; round++)
        {
            var count = 100_000 + round * 7_919; // sizes that do not divide evenly into blocks
            var seen = new int[count];
            var lease = NewLease(count, i => Interlocked.Increment(ref seen[i]), out _);

            var (tasksRun, reports) = RunOnThreads(lease, Threads);

            Assert.All(seen, times => Assert.Equal(1, times));
            Assert.Equal(count, tasksRun);
            Assert.Equal(count, reports.Sum(r => r.Accounted));
            Assert.Equal(count, reports.Sum(r => r.Succeeded));
            Assert.Equal(count, reports.Sum(r => r.Ran));
            Assert.All(reports, r => Assert.Null(r.UnrunRanges));
            Assert.Equal(count, lease.Processed);
        }
    }

    [Fact]
    public void Lease_values_land_at_their_own_index_when_results_go_straight_to_an_array()
    {
        const int count = 500_000;
        var lease = NewLease(count, i => i * 3, out var shared, directResults: true);

        RunOnThreads(lease, Threads);

        var values = shared.DirectResults!;
        for (var i = 0; i < count; i++) Assert.Equal(i * 3, values[i]);
    }

    [Fact]
    public void A_fatal_task_hands_back_every_unclaimed_index_exactly_once()
    {
        for (var round = 0; round < 20; round++)
        {
            const int count = 200_000;
            var fatalAt = 1_000 + round * 9_973;
            var seen = new int[count];
            var lease = NewLease(count, i =>
            {
                Interlocked.Increment(ref seen[i]);
                return i == fatalAt ? throw new FatalTestException($"task {i}") : i;
            }, out _, fatal: true);

            var (_, reports) = RunOnThreads(lease, Threads);

            var fatal = Assert.Single(reports, r => r.FatalError is not null);
            Assert.Equal(fatalAt, fatal.FatalIndex);
            var handedBack = new int[count];
            foreach (var (from, to) in reports.SelectMany(r => r.UnrunRanges ?? []))
                for (var i = from; i < to; i++) handedBack[i]++;
            for (var i = 0; i < count; i++)
                Assert.True(seen[i] + handedBack[i] == 1, $"index {i}: run {seen[i]} times, handed back {handedBack[i]} times");
            Assert.Equal(count, reports.Sum(r => r.Accounted));
            Assert.Equal(count - handedBack.Sum() - 1, reports.Sum(r => r.Succeeded));
        }
    }

    [Fact]
    public void Stopping_the_job_mid_lease_never_runs_an_index_twice_nor_settles_one_twice()
    {
        for (var round = 0; round < 20; round++)
        {
            const int count = 400_000;
            var seen = new int[count];
            var ran = 0;
            JobShared<int, int>? shared = null;
            var stopAfter = 10_000 + round * 15_000;
            var lease = NewLease(count, i =>
            {
                Interlocked.Increment(ref seen[i]);
                if (Interlocked.Increment(ref ran) == stopAfter) shared!.Stop(); // the job stops while workers are mid-block
                return i;
            }, out shared);

            var (_, reports) = RunOnThreads(lease, Threads);

            var settled = new int[count];
            foreach (var i in Enumerable.Range(0, count).Where(i => seen[i] > 0)) settled[i]++;
            foreach (var (from, to) in reports.SelectMany(r => r.UnrunRanges ?? []))
                for (var i = from; i < to; i++) settled[i]++;
            Assert.All(seen, times => Assert.InRange(times, 0, 1));
            Assert.All(settled, times => Assert.InRange(times, 0, 1));
            // What the reports settle is exactly what they touched; the job cancels the untouched rest.
            Assert.Equal(settled.Sum(), reports.Sum(r => r.Accounted));
            Assert.Equal(seen.Sum(), reports.Sum(r => r.Ran));
        }
    }

    private static RangeLease<int, int> NewLease(int count, Func<int, int> work, out JobShared<int, int> shared,
        bool directResults = false, bool fatal = false)
    {
        var options = WorkerPoolOptions.Default with { Workers = Threads, FatalExceptions = fatal ? e => e is FatalTestException : null };
        shared = new JobShared<int, int>(JobSettings.Resolve(options, null), work, null)
        {
            List = new IndexList(count),
            DirectResults = directResults ? new int[count] : null,
            DiscardValues = !directResults,
        };
        return new RangeLease<int, int>(shared, new CollectingRef(), id: 1, count, Threads);
    }

    /// <summary>Runs the lease on <paramref name="threads"/> threads released at once, as a broadcast to that many workers does.</summary>
    private static (long TasksRun, LeaseReport<int, int>[] Reports) RunOnThreads(RangeLease<int, int> lease, int threads)
    {
        var start = new Barrier(threads);
        var tasksRun = new int[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            lease.Run(ActorRefs.Nobody, new PoolCounters(), out tasksRun[t]);
        })).ToArray();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) Assert.True(worker.Join(TestPools.Patience), "a worker did not finish its lease");
        var reports = ((CollectingRef)lease.Job).Messages.OfType<LeaseReport<int, int>>().ToArray();
        Assert.True(reports.Length <= threads, "a worker sends at most one report per lease");
        return (tasksRun.Sum(n => (long)n), reports);
    }
}

/// <summary>An index list that costs nothing to build: element i is i.</summary>
internal sealed class IndexList(int count) : IReadOnlyList<int>
{
    public int this[int index] => (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => count;

    public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Stands in for a job actor: keeps every message told to it, from any thread.</summary>
internal sealed class CollectingRef : MinimalActorRef
{
    public ConcurrentQueue<object> Messages { get; } = new();

    public override ActorPath Path { get; } = new RootActorPath(new Address("akka", "lease-stress")) / "job";

    public override IActorRefProvider Provider => throw new NotSupportedException("a stand-in job has no provider");

    protected override void TellInternal(object message, IActorRef sender) => Messages.Enqueue(message);
}
