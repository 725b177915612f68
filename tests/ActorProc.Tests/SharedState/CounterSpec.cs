using ActorProc.SharedState;

namespace ActorProc.Tests.SharedState;

public sealed class CounterSpec : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("counters");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task Two_threads_adding_ten_million_each_in_batches_end_at_exactly_twenty_million()
    {
        // The seed's racy "g_sum += 1" from two threads, without a lock and without a lost update.
        var counter = _system.ActorOf(Counter.Props(), "batched");
        const int PerThread = 10_000_000, Batch = 1_000;

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var pending = 0;
            for (var i = 0; i < PerThread; i++)
            {
                if (++pending < Batch) continue;
                counter.Tell(new Increment(pending));
                pending = 0;
            }
            if (pending > 0) counter.Tell(new Increment(pending));
        })));

        Assert.Equal(20_000_000L, await counter.Ask<long>(GetCount.Instance, TestPools.Patience));
    }

    [Fact]
    public async Task Two_threads_sending_one_message_per_increment_lose_no_update()
    {
        var counter = _system.ActorOf(Counter.Props(), "per-message");
        const int PerThread = 500_000;

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++) counter.Tell(Increment.One);
        })));

        Assert.Equal(2L * PerThread, await counter.Ask<long>(GetCount.Instance, TestPools.Patience));
    }

    [Fact]
    public async Task Pool_tasks_can_share_a_counter_actor()
    {
        var counter = _system.ActorOf(Counter.Props(initial: 100), "shared-by-tasks");
        await using var pool = WorkerPool.Create(_system, new WorkerPoolOptions { Workers = 2, Name = "counting-pool" });

        await pool.ForEachAsync(Enumerable.Range(0, 10_000), _ => counter.Tell(Increment.One)).Within();

        Assert.Equal(10_100L, await counter.Ask<long>(GetCount.Instance, TestPools.Patience));
    }
}
