namespace ActorProc.Tests.Pools;

public sealed class AsyncSpec
{
    [Fact]
    public async Task Ten_thousand_concurrent_async_tasks_complete_without_ten_thousand_threads()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxConcurrency = 10_000 });
        var running = 0;
        var peak = 0;
        var peakThreads = 0;

        var values = await pool.MapAsync(Enumerable.Range(0, 10_000), async (x, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            InterlockedMax(ref peakThreads, ThreadPool.ThreadCount);
            await Task.Delay(100, ct);
            Interlocked.Decrement(ref running);
            return x;
        }).Within();

        Assert.Equal(Enumerable.Range(0, 10_000), values);
        Assert.True(peak > 1_000, $"only {peak} tasks awaited at once");
        Assert.True(peakThreads < 500, $"{peakThreads} thread-pool threads");
    }

    [Fact]
    public async Task Max_concurrency_bounds_the_async_tasks_awaiting_at_once()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxConcurrency = 8 });
        var running = 0;
        var peak = 0;

        await pool.ForEachAsync(Enumerable.Range(0, 200), async (x, ct) =>
        {
            InterlockedMax(ref peak, Interlocked.Increment(ref running));
            await Task.Delay(2, ct);
            Interlocked.Decrement(ref running);
        }).Within();

        Assert.InRange(peak, 1, 8);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
