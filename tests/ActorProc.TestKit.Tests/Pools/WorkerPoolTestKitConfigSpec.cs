using ActorProc.Configuration;

namespace ActorProc.TestKit.Tests.Pools;

/// <summary>A kit given its own configuration keeps it over ActorProc's defaults.</summary>
public sealed class WorkerPoolTestKitConfigSpec() : WorkerPoolTestKit("akka.test.timefactor = 3\nactorproc.pool.workers = 3")
{
    [Fact]
    public void The_users_configuration_sits_over_the_defaults_and_dilates_timeouts()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Dilated(TimeSpan.FromSeconds(1)));
        Assert.Equal(3, WorkerPoolOptions.FromConfig(Sys.Settings.Config).Workers);
        Assert.True(Sys.Dispatchers.HasDispatcher(PoolDispatchers.Cpu));
    }
}
