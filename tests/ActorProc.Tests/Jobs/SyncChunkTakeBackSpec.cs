namespace ActorProc.Tests.Jobs;

/// <summary>
/// Races <see cref="SyncChunk{TIn,TOut}.TakeBackUnstarted"/> (the job actor taking back a chunk's
/// unstarted tasks, after a worker was replaced or at a timeout) against a worker running the chunk,
/// thousands of times at random moments. The job then sends the taken-back offsets out again, so a
/// task may run twice exactly when the take-back's answer and the worker's claims disagree.
/// </summary>
public sealed class SyncChunkTakeBackSpec
{
    private const int Rounds = 2_000;
    private const int Count = 32;

    [Fact]
    public void Take_back_racing_a_claim_never_runs_a_task_twice()
    {
        var random = new Random(20_251);
        for (var round = 0; round < Rounds; round++)
        {
            var seen = new int[Count];
            var shared = NewShared(i =>
            {
                Interlocked.Increment(ref seen[i]);
                Thread.SpinWait(50); // long enough for the take-back to land mid-chunk, not only before or after
                return i;
            }, guarded: true);
            var chunk = new SyncChunk<int, int>(shared, ActorRefs.Nobody, id: 1, baseIndex: 0, Count, attempt: 1, inputs: null, inputOffset: 0);

            var (from, tasksRun) = Race(chunk, spinBeforeTakeBack: random.Next(0, 3_000));

            Assert.InRange(from, 0, Count);
            Assert.Equal(from, tasksRun); // every task the worker started is below the take-back point
            Assert.Equal(from, chunk.Done);
            for (var i = 0; i < Count; i++) Assert.Equal(i < from ? 1 : 0, seen[i]);

            // What the job does next: the taken-back rest runs again as a new chunk.
            if (from < Count) chunk.Slice(id: 2, from, Count, attempt: 1).Run(ActorRefs.Nobody, new PoolCounters(), out _);
            Assert.All(seen, times => Assert.Equal(1, times));
        }
    }

    [Fact]
    public void Take_back_of_a_fast_chunk_wins_only_before_it_starts_and_then_nothing_of_it_runs()
    {
        var random = new Random(7);
        for (var round = 0; round < Rounds; round++)
        {
            var seen = new int[Count];
            var shared = NewShared(i => Interlocked.Increment(ref seen[i]), guarded: false);
            var chunk = new SyncChunk<int, int>(shared, ActorRefs.Nobody, id: 1, baseIndex: 0, Count, attempt: 1, inputs: null, inputOffset: 0);

            var (from, tasksRun) = Race(chunk, spinBeforeTakeBack: random.Next(0, 200));

            if (from == 0)
            {
                Assert.Equal(0, tasksRun);
                Assert.All(seen, times => Assert.Equal(0, times));
            }
            else
            {
                Assert.Equal(-1, from); // the worker started first: the chunk runs to its end
                Assert.Equal(Count, tasksRun);
                Assert.All(seen, times => Assert.Equal(1, times));
            }
        }
    }

    /// <summary>Runs the chunk on one thread while another takes it back after a short spin; returns both sides' answers.</summary>
    private static (int From, int TasksRun) Race(SyncChunk<int, int> chunk, int spinBeforeTakeBack)
    {
        var start = new Barrier(2);
        var tasksRun = 0;
        var worker = new Thread(() =>
        {
            start.SignalAndWait();
            chunk.Run(ActorRefs.Nobody, new PoolCounters(), out tasksRun);
        });
        worker.Start();
        start.SignalAndWait();
        Thread.SpinWait(spinBeforeTakeBack);
        var from = chunk.TakeBackUnstarted();
        Assert.True(worker.Join(TestPools.Patience), "the worker did not finish its chunk");
        return (from, tasksRun);
    }

    private static JobShared<int, int> NewShared(Func<int, int> work, bool guarded) =>
        new(JobSettings.Resolve(WorkerPoolOptions.Default, null), work, null)
        {
            List = new IndexList(Count),
            Guarded = guarded,
            DiscardValues = !guarded,
        };
}
