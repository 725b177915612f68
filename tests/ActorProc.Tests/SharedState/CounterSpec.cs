using ActorProc.Configuration;
using ActorProc.SharedState;

namespace ActorProc.Tests.SharedState;

/// <summary>
/// One message at a time per actor keeps shared state exact without locks (Akka's guarantee, which
/// ActorProc's counters and job actors rely on). On Akka's TestKit: replies are expected by a probe
/// with the TestKit's dilated timeouts.
/// </summary>
public sealed class CounterSpec() : Akka.TestKit.Xunit2.TestKit(ActorProcConfig.Defaults)
{
    [Fact]
    public async Task Two_threads_adding_ten_million_each_in_batches_end_at_exactly_twenty_million()
    {
        // The seed's racy "g_sum += 1" from two threads, without a lock and without a lost update.
        var counter = Sys.ActorOf(Counter.Props(), "batched");
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

        counter.Tell(GetCount.Instance, TestActor);
        ExpectMsg(20_000_000L, Dilated(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Two_threads_sending_one_message_per_increment_lose_no_update()
    {
        var counter = Sys.ActorOf(Counter.Props(), "per-message");
        const int PerThread = 500_000;

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++) counter.Tell(Increment.One);
        })));

        counter.Tell(GetCount.Instance, TestActor);
        ExpectMsg(2L * PerThread, Dilated(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Pool_tasks_can_share_a_counter_actor()
    {
        var counter = Sys.ActorOf(Counter.Props(initial: 100), "shared-by-tasks");
        var probe = CreateTestProbe();
        await using var pool = WorkerPool.Create(Sys, new WorkerPoolOptions { Workers = 2, Name = "counting-pool" });

        await pool.ForEachAsync(Enumerable.Range(0, 10_000), _ => counter.Tell(Increment.One)).WaitAsync(Dilated(TimeSpan.FromSeconds(10)));

        counter.Tell(GetCount.Instance, probe.Ref);
        probe.ExpectMsg(10_100L, Dilated(TimeSpan.FromSeconds(10)));
    }
}
