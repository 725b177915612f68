using ActorProc.Configuration;
using Akka.Configuration;

namespace ActorProc.Tests.Configuration;

/// <summary>actorproc.conf, the settings read from it, and Akka's own configuration of the pools.</summary>
public sealed class ActorProcConfigSpec
{
    [Fact]
    public void Defaults_in_code_and_in_actorproc_conf_agree()
    {
        var fromFile = WorkerPoolOptions.FromConfig(ConfigurationFactory.Empty);

        Assert.Equal(WorkerPoolOptions.Default, fromFile);
    }

    [Fact]
    public void Every_key_the_code_reads_is_in_actorproc_conf_and_every_key_there_is_read()
    {
        var read = new HashSet<string>();
        PoolSettingsReader.Read(ConfigurationFactory.Empty, null, read); // throws on a key missing from the file

        var inFile = ActorProcConfig.Defaults.GetConfig("actorproc.pool").AsEnumerable()
            .SelectMany(entry => entry.Value.IsObject()
                ? entry.Value.GetObject().Items.Keys.Select(k => $"{entry.Key}.{k}")
                : [entry.Key]);
        Assert.Equal(inFile.Order(), read.Order());
    }

    [Fact]
    public void Defaults_over_defaults_are_the_defaults()
    {
        // Regression: Akka refuses a config as its own fallback, and FromConfig adds the defaults again.
        var options = WorkerPoolOptions.FromConfig(ActorProcConfig.WithDefaults(ActorProcConfig.Defaults));

        Assert.Equal(WorkerPoolOptions.Default, options);
    }

    [Fact]
    public void A_malformed_value_names_its_key_the_value_and_what_is_allowed()
    {
        var config = ConfigurationFactory.ParseString("actorproc.pool.workers = zero");

        var error = Assert.Throws<ConfigurationException>(() => WorkerPoolOptions.FromConfig(config));

        Assert.Equal("actorproc.pool.workers = \"zero\": expected an integer >= 1 or auto.", error.Message);
    }

    [Theory]
    [InlineData("router = fastest", "actorproc.pool.router = \"fastest\": expected smallest-mailbox, round-robin or random.")]
    [InlineData("task-timeout = soon", "actorproc.pool.task-timeout = \"soon\": expected a duration > 0 or off (e.g. 250ms, 5s, 00:00:05).")]
    [InlineData("retry-backoff.jitter = 2", "actorproc.pool.retry-backoff.jitter = \"2\": expected a number in [0, 1].")]
    [InlineData("max-in-flight = 0", "actorproc.pool.max-in-flight = \"0\": expected an integer >= 1.")]
    public void Each_setting_is_checked_on_its_own(string setting, string message)
    {
        var config = ConfigurationFactory.ParseString($"actorproc.pool.{setting}");

        Assert.Equal(message, Assert.Throws<ConfigurationException>(() => WorkerPoolOptions.FromConfig(config)).Message);
    }

    [Fact]
    public void Pool_and_job_settings_come_from_hocon_with_named_pools_over_the_common_block()
    {
        var config = ConfigurationFactory.ParseString("""
            actorproc.pool { max-retries = 2, task-timeout = 5s, router = round-robin, max-in-flight = 128 }
            actorproc.pools.ingest { workers = 3, max-retries = 4, chunk-size = 10 }
            """);

        var common = WorkerPoolOptions.FromConfig(config);
        var ingest = WorkerPoolOptions.FromConfig(config, "ingest");

        Assert.Equal((2, TimeSpan.FromSeconds(5), WorkerRouter.RoundRobin, 128), (common.MaxRetries, common.TaskTimeout, common.Router, common.MaxInFlight));
        Assert.Equal((3, 4, 10, TimeSpan.FromSeconds(5), "ingest"), (ingest.Workers, ingest.MaxRetries, ingest.ChunkSize, ingest.TaskTimeout, ingest.Name));
    }

    [Fact]
    public async Task Synchronous_workers_run_on_the_cpu_dispatcher_declared_in_actorproc_conf()
    {
        await using var pool = TestPools.Create();

        var threads = await pool.MapAsync(Enumerable.Range(0, 100), _ => Thread.CurrentThread.Name ?? "", new JobOptions { ChunkSize = 1 }).Within();

        Assert.All(threads, name => Assert.StartsWith(PoolDispatchers.Cpu, name));
    }

    [Fact]
    public async Task An_akka_deployment_block_overrides_the_router_given_in_code()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.actor.deployment {
              "/deployed/workers" { router = round-robin-pool, nr-of-instances = 3 }
            }
            """);
        var system = ActorProcConfig.CreateSystem("deployment", config);
        try
        {
            await using var pool = new WorkerPool(system, new WorkerPoolOptions { Name = "deployed", Workers = 1 });
            Assert.Equal(10, (await pool.MapAsync(Enumerable.Range(0, 10), x => x).Within()).Count);

            var routees = await system.ActorSelection("/user/deployed/workers").Ask<Akka.Routing.Routees>(Akka.Routing.GetRoutees.Instance, TestPools.Patience);

            Assert.Equal(3, routees.Members.Count());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task An_unknown_dispatcher_fails_the_pool_at_creation_naming_it()
    {
        var system = ActorProcConfig.CreateSystem("dispatchers");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => new WorkerPool(system, new WorkerPoolOptions { Name = "p", Dispatcher = "no-such-dispatcher" }));

            Assert.Contains("\"no-such-dispatcher\" is not configured", error.Message);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task A_system_created_without_actorproc_conf_gets_its_dispatchers_when_a_pool_is_attached()
    {
        var system = ActorSystem.Create("plain");
        try
        {
            await using var pool = new WorkerPool(system, new WorkerPoolOptions { Name = "attached", Workers = 2 });

            Assert.Equal([1, 2, 3], await pool.MapAsync([0, 1, 2], x => x + 1).Within());
            Assert.True(system.Dispatchers.HasDispatcher(PoolDispatchers.Cpu));
        }
        finally
        {
            await system.Terminate();
        }
    }
}
