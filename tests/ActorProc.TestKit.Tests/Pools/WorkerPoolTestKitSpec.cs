using ActorProc.Configuration;
using Xunit.Sdk;

namespace ActorProc.TestKit.Tests.Pools;

public sealed class WorkerPoolTestKitSpec : WorkerPoolTestKit
{
    [Fact]
    public void The_system_has_ActorProcs_defaults()
    {
        Assert.True(Sys.Settings.Config.HasPath("actorproc.pool.workers"));
        Assert.True(Sys.Dispatchers.HasDispatcher(PoolDispatchers.Cpu));
    }

    [Fact]
    public async Task Pools_run_on_the_kits_system_with_test_friendly_defaults()
    {
        var pool = CreatePool();

        Assert.Same(Sys, pool.System);
        Assert.Equal(2, pool.Options.Workers);
        Assert.Equal(RetryBackoff.None, pool.Options.RetryBackoff);
        Assert.True(pool.Options.FatalExceptions!(new InjectedWorkerCrashException("crash")));
        Assert.Equal([2, 4, 6], await AwaitAsync(pool.MapAsync([1, 2, 3], x => x * 2)));
    }

    [Fact]
    public async Task Disposing_the_kit_stops_its_pools()
    {
        var first = CreatePool();
        var second = CreatePool();

        await DisposeAsync(); // what xunit does after the test

        Assert.True(first.IsStopping);
        Assert.True(second.IsStopping);
        Assert.Equal(0, first.ActiveJobs);
    }

    [Fact]
    public async Task Awaiting_too_long_fails_with_the_dilated_limit()
    {
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var error = await Assert.ThrowsAsync<XunitException>(() => AwaitAsync(never.Task, TimeSpan.FromMilliseconds(100)));

        Assert.Equal($"The awaited operation did not complete within {Dilated(TimeSpan.FromMilliseconds(100))} (dilated from 00:00:00.1000000).", error.Message);
    }

    [Fact]
    public async Task Awaiting_pool_statistics_fails_with_the_last_statistics()
    {
        var pool = CreatePool();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => AwaitStatisticsAsync(pool, s => s.WorkerRestarts > 0, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("The pool's statistics do not meet the condition yet: PoolStatistics { WorkerRestarts = 0", error.Message);
    }
}
