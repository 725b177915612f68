using ActorProc.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorProc.Tests.Hosting;

/// <summary>ActorProc in a generic host through Akka.Hosting, and named pools on a user's own system.</summary>
public sealed class HostingSpec
{
    [Fact]
    public async Task WithActorProc_starts_the_registered_pools_and_the_host_drains_them_on_stop()
    {
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("hosted", builder => builder
                .AddHocon("actorproc.pools.ingest.max-retries = 3", HoconAddMode.Prepend)
                .WithActorProc(pools => pools.Add("ingest", o => o with { Workers = 2 }))))
            .Build();
        await host.StartAsync().Within();
        var system = host.Services.GetRequiredService<ActorSystem>();
        var pool = system.GetWorkerPool("ingest");

        Assert.Equal((2, 3), (pool.Options.Workers, pool.Options.MaxRetries));
        Assert.Equal([2, 4], await pool.MapAsync([1, 2], x => x * 2).Within());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = pool.RunAsync([1], async (int x, CancellationToken ct) => { await gate.Task; return x; });

        var stopping = host.StopAsync();
        gate.SetResult();
        await stopping.Within();

        Assert.True((await running.Within()).AllSucceeded); // the job ran to its end before the system stopped
        Assert.True(pool.IsStopping);
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task A_named_pool_is_created_once_from_configuration_on_first_use()
    {
        var system = ActorSystem.Create("named", Akka.Configuration.ConfigurationFactory.ParseString("actorproc.pools.reports.workers = 1"));
        try
        {
            var first = system.GetWorkerPool("reports");

            Assert.Same(first, system.GetWorkerPool("reports"));
            Assert.Equal(1, first.Options.Workers);
            Assert.Equal(5, await first.SubmitAsync(x => x, 5).Within());
        }
        finally
        {
            await system.Terminate();
        }
    }
}
