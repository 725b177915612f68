using ActorProc.Hosting;
using Akka.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorProc.Tests.Hosting;

/// <summary>Worker pools as services of a generic host: keyed and default <see cref="IWorkerPool"/>, options from IConfiguration, HOCON and code.</summary>
public sealed class WorkerPoolServicesSpec
{
    [Fact]
    public async Task Pools_are_injected_by_name_with_options_from_configuration_HOCON_and_code_in_that_order()
    {
        using var host = TestHosts.Build(
            pools => pools.Add("ingest", o => o with { MaxInFlight = 100 }),
            new Dictionary<string, string?>
            {
                ["ActorProc:Pool:TaskTimeout"] = "00:00:05",        // every pool; .NET's duration format
                ["ActorProc:Pools:ingest:Workers"] = "2",
                ["ActorProc:Pools:ingest:MaxRetries"] = "1",        // over HOCON's 3
                ["ActorProc:Pools:ingest:RetryBackoff:Min"] = "0s",
                ["ActorProc:Pools:reports:max-in-flight"] = "64",   // declared only here; HOCON spelling works too
            },
            hocon: "actorproc.pools.ingest { max-retries = 3, chunk-size = 7 }",
            services: s => s.AddHostedService<IngestService>());
        // Built (with its pool) before the actor system's startup tasks run: it must see the same options.
        var early = host.Services.GetServices<IHostedService>().OfType<IngestService>().Single();
        await host.StartAsync().Within();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var ingest = host.Services.GetRequiredKeyedService<IWorkerPool>("ingest");
            var options = ingest.Options;

            Assert.Same(early.Pool, ingest);
            Assert.Same(system.GetWorkerPool("ingest"), ingest);
            Assert.Equal(("ingest", 2, 1, 7, 100, TimeSpan.FromSeconds(5)),
                (options.Name, options.Workers, options.MaxRetries, options.ChunkSize, options.MaxInFlight, options.TaskTimeout));
            Assert.Equal(64, host.Services.GetRequiredKeyedService<IWorkerPool>("reports").Options.MaxInFlight);
            Assert.Contains("reports", WorkerPools.For(system).Names); // declared pools start with the host
            Assert.Equal("default", host.Services.GetRequiredService<IWorkerPool>().Options.Name);
            Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IWorkerPool>().Options.TaskTimeout);
            Assert.Equal([1, 4, 9], await early.Pool.MapAsync([1, 2, 3], x => x * x).Within());
        }
        finally
        {
            await host.StopAsync().Within();
        }
    }

    [Fact]
    public void An_unknown_pool_name_fails_and_lists_the_known_ones()
    {
        using var host = TestHosts.Build(pools => pools.Add("ingest"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredKeyedService<IWorkerPool>("injest"));

        Assert.Contains("No worker pool named \"injest\"", error.Message);
        Assert.Contains("Known pools: default, ingest", error.Message);
    }

    [Theory]
    [InlineData("ActorProc:Pools:ingest:Workers", "zero", "ActorProc:Pools:ingest:Workers = \"zero\": expected an integer >= 1 or auto.")]
    [InlineData("ActorProc:Pools:ingest:TaskTimeout", "soon", "ActorProc:Pools:ingest:TaskTimeout = \"soon\": expected a duration > 0 or off")]
    [InlineData("ActorProc:Pool:MaxRetries", "-1", "ActorProc:Pool:MaxRetries = \"-1\": expected an integer >= 0.")]
    [InlineData("ActorProc:Pools:ingest:Wrokers", "2", "ActorProc:Pools:ingest:Wrokers is not a worker pool setting; the settings are: Workers,")]
    public void A_bad_setting_in_the_configuration_fails_naming_its_key(string key, string value, string expected)
    {
        using var host = TestHosts.Build(pools => pools.Add("ingest"), new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<ConfigurationException>(() => host.Services.GetRequiredKeyedService<IWorkerPool>("ingest"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_registered_pool_created_without_its_options_before_the_host_started_fails_the_start()
    {
        using var host = TestHosts.Build(pools => pools.Add("ingest"), new Dictionary<string, string?> { ["ActorProc:Pools:ingest:Workers"] = "1" });
        host.Services.GetRequiredService<ActorSystem>().GetWorkerPool("ingest"); // HOCON only: Workers would be the core count

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync().Within());

        Assert.Contains("The worker pool \"ingest\" was created before the host started", error.Message);
    }

    [Fact]
    public async Task Pools_asked_for_from_many_threads_while_the_host_starts_are_created_once_each()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"pool-{i}").ToArray();
        using var host = TestHosts.Build(pools =>
        {
            foreach (var name in names) pools.Add(name, o => o with { Workers = 1 });
        });
        var system = host.Services.GetRequiredService<ActorSystem>();
        var registry = ActorProc.Hosting.HostedWorkerPools.For(system);
        using var go = new ManualResetEventSlim();

        // The host's startup task creates the declared pools while eight threads ask for them in another order.
        var askers = Enumerable.Range(0, 8).Select(t => Task.Factory.StartNew(() =>
        {
            go.Wait();
            return names.Reverse().Select(registry.Get).ToArray();
        }, TaskCreationOptions.LongRunning)).ToArray();
        var starting = host.StartAsync();
        go.Set();
        var seen = await Task.WhenAll(askers).Within();
        await starting.Within();

        try
        {
            var pools = names.Select(system.GetWorkerPool).ToArray();
            Assert.All(seen, byThread => Assert.Equal(pools.Reverse(), byThread)); // the same instance for every caller
            Assert.Equal(names.Order(), WorkerPools.For(system).Names.Order());
            Assert.All(pools, p => Assert.Equal(1, p.Options.Workers));
        }
        finally
        {
            await host.StopAsync().Within();
        }
    }

    /// <summary>A hosted service that takes its pool from the container, as an application's would.</summary>
    private sealed class IngestService([FromKeyedServices("ingest")] IWorkerPool pool) : IHostedService
    {
        public IWorkerPool Pool { get; } = pool;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
