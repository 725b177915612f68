using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Core.Routing;
using ActorProc.Core.Supervision;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class RouterDeploymentSpec
{
    [Fact]
    public async Task A_deployment_block_turns_plain_props_into_the_configured_pool()
    {
        await using var sys = ActorSystem.Create("deploy", """
            actorproc.actor.deployment { "/workers" { router = round-robin-pool, nr-of-instances = 4 } }
            """);
        var tally = new Tally(400);

        var router = sys.ActorOf(Props.Create(() => new CountingRoutee(tally)), "workers");
        for (var i = 0; i < 400; i++) router.Tell(i, null);

        await Within(tally.AllReceived);
        Assert.Equal(new[] { 100, 100, 100, 100 }, tally.PerRoutee.Values);
    }

    [Fact]
    public async Task A_deployment_block_overrides_the_router_given_in_code()
    {
        await using var sys = ActorSystem.Create("deploy", """
            actorproc.actor.deployment { "/workers" { router = broadcast-pool, nr-of-instances = 3 } }
            """);
        var tally = new Tally(3);

        var router = sys.ActorOf(Props.Create(() => new CountingRoutee(tally)).WithRouter(new RandomPool(7)), "workers");
        router.Tell("to all", null);

        await Within(tally.AllReceived);
        Assert.Equal(3, (await RouteesOf(router)).Count);
    }

    [Fact]
    public async Task From_code_keeps_the_router_of_the_props()
    {
        await using var sys = ActorSystem.Create("deploy", """
            actorproc.actor.deployment { "/workers" { router = from-code } }
            """);

        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "workers");

        Assert.Equal(2, (await RouteesOf(router)).Count);
    }

    [Fact]
    public async Task A_group_is_configured_with_routee_paths()
    {
        await using var sys = ActorSystem.Create("deploy", """
            actorproc.actor.deployment { "/group" { router = round-robin-group, routees.paths = ["/user/w1", "/user/w2"] } }
            """);
        sys.ActorOf(Props.Create<NameReplier>(), "w1");
        sys.ActorOf(Props.Create<NameReplier>(), "w2");

        var router = sys.ActorOf(Props.Create<NameReplier>(), "group");

        Assert.Equal(new[] { "w1", "w2" }, new[] { await router.Ask<string>(1, Patience), await router.Ask<string>(2, Patience) });
    }

    [Fact]
    public async Task A_pool_dispatcher_block_runs_the_routees_on_their_own_threads()
    {
        await using var sys = ActorSystem.Create("deploy", """
            actorproc.actor.deployment {
              "/workers" {
                router = round-robin-pool
                nr-of-instances = 2
                pool-dispatcher { type = dedicated-threads, parallelism-min = 2, parallelism-max = 2 }
              }
            }
            """);

        var router = sys.ActorOf(Props.Create<ThreadNameReplier>(), "workers");

        var thread = await router.Ask<string>("where", Patience);
        Assert.StartsWith("pool-dispatcher-", thread);
    }

    [Fact]
    public async Task Keys_left_out_of_a_block_come_from_router_defaults()
    {
        await using var sys = ActorSystem.Create("deploy", """
            actorproc.actor.router-defaults.nr-of-instances = 3
            actorproc.actor.deployment { "/workers" { router = random-pool } }
            """);

        var router = sys.ActorOf(Props.Create<NameReplier>(), "workers");

        Assert.Equal(3, (await RouteesOf(router)).Count);
    }

    [Fact]
    public void Every_router_setting_is_parsed_from_config_and_kept_from_code_where_config_is_silent()
    {
        var defaults = ConfigurationFactory.Reference.GetConfig("actorproc.actor.router-defaults");
        var block = Config.Parse("""
            router = consistent-hashing-pool
            nr-of-instances = 5
            virtual-nodes-factor = 40
            router-dispatcher = "actorproc.actor.cpu-dispatcher"
            resizer { enabled = on, lower-bound = 2, upper-bound = 9, pressure-threshold = 0, rampup-rate = 0.5, backoff-threshold = 0.25, backoff-rate = 0.2, messages-per-resize = 3 }
            """);
        Func<object, object?> mapping = m => m;
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        var code = new ConsistentHashingPool(1, mapping) { SupervisorStrategy = strategy };

        var pool = Assert.IsType<ConsistentHashingPool>(RouterDeployment.FromConfig(block, defaults, "deployment.\"/w\"", code));

        Assert.Equal(5, pool.NrOfInstances);
        Assert.Equal(40, pool.VirtualNodesFactor);
        Assert.Equal("actorproc.actor.cpu-dispatcher", pool.RouterDispatcher);
        Assert.Same(mapping, pool.HashMapping);
        Assert.Same(strategy, pool.SupervisorStrategy);
        var resizer = Assert.IsType<DefaultResizer>(pool.Resizer);
        Assert.Equal((2, 9, 0, 0.5, 0.25, 0.2, 3),
            (resizer.LowerBound, resizer.UpperBound, resizer.PressureThreshold, resizer.RampupRate, resizer.BackoffThreshold, resizer.BackoffRate, resizer.MessagesPerResize));
    }

    [Fact]
    public void The_defaults_in_reference_conf_agree_with_the_defaults_in_code()
    {
        var defaults = ConfigurationFactory.Reference.GetConfig("actorproc.actor.router-defaults");
        var fromConfig = (ConsistentHashingPool)RouterDeployment.FromConfig(
            Config.Parse("router = consistent-hashing-pool, resizer.enabled = on"), defaults, "x", null)!;
        var inCode = new DefaultResizer(lowerBound: 1, upperBound: 10);

        Assert.Equal(1, fromConfig.NrOfInstances);
        Assert.Equal(new ConsistentHashingPool(1).VirtualNodesFactor, fromConfig.VirtualNodesFactor);
        Assert.Null(fromConfig.RouterDispatcher);
        Assert.Null(fromConfig.RouteeDispatcher);
        var resizer = Assert.IsType<DefaultResizer>(fromConfig.Resizer);
        Assert.Equal(
            (inCode.LowerBound, inCode.UpperBound, inCode.PressureThreshold, inCode.RampupRate, inCode.BackoffThreshold, inCode.BackoffRate, inCode.MessagesPerResize),
            (resizer.LowerBound, resizer.UpperBound, resizer.PressureThreshold, resizer.RampupRate, resizer.BackoffThreshold, resizer.BackoffRate, resizer.MessagesPerResize));
        Assert.Null(((Pool)RouterDeployment.FromConfig(Config.Parse("router = round-robin-pool"), defaults, "x", null)!).Resizer);
    }

    [Theory]
    [InlineData("scatter-gather-group", typeof(ScatterGatherFirstCompletedGroup))]
    [InlineData("tail-chopping-pool", typeof(TailChoppingPool))]
    [InlineData("smallest-mailbox-pool", typeof(SmallestMailboxPool))]
    [InlineData("broadcast-group", typeof(BroadcastGroup))]
    [InlineData("random-group", typeof(RandomGroup))]
    [InlineData("consistent-hashing-group", typeof(ConsistentHashingGroup))]
    [InlineData("scatter-gather-pool", typeof(ScatterGatherFirstCompletedPool))]
    [InlineData("tail-chopping-group", typeof(TailChoppingGroup))]
    public void Every_router_type_name_maps_to_its_router(string type, Type expected)
    {
        var defaults = ConfigurationFactory.Reference.GetConfig("actorproc.actor.router-defaults");
        var block = Config.Parse($"router = {type}, routees.paths = [\"/user/a\"], within = 2s, tail-chopping-router.interval = 50ms");

        var router = RouterDeployment.FromConfig(block, defaults, "x", null);

        Assert.IsType(expected, router);
        if (router is TailChoppingPool pool) Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50)), (pool.Within, pool.Interval));
    }

    [Theory]
    [InlineData("router = round-robin-poool", ".router")]
    [InlineData("router = round-robin-pool, nr-of-instances = 0", ".nr-of-instances")]
    [InlineData("router = round-robin-group", ".routees.paths")]
    [InlineData("router = random-group, routees.paths = [\"w1\"]", ".routees.paths")]
    [InlineData("router = scatter-gather-pool, within = 0s", ".within")]
    [InlineData("router = consistent-hashing-pool, virtual-nodes-factor = 0", ".virtual-nodes-factor")]
    [InlineData("router = round-robin-pool, resizer { enabled = on, lower-bound = 5, upper-bound = 2 }", ".resizer.upper-bound")]
    [InlineData("router = round-robin-pool, resizer { enabled = on, backoff-threshold = 1.5 }", ".resizer.backoff-threshold")]
    [InlineData("router = round-robin-pool, pool-dispatcher { throughput = 5 }", ".pool-dispatcher.type")]
    public async Task Bad_router_config_fails_ActorOf_naming_the_full_key(string settings, string key)
    {
        await using var sys = ActorSystem.Create("deploy", $$"""actorproc.actor.deployment { "/workers" { {{settings}} } }""");

        var error = Assert.Throws<ActorConfigurationException>(() => sys.ActorOf(Props.Create<NameReplier>(), "workers"));

        Assert.Contains("actorproc.actor.deployment.\"/workers\"" + key, error.Message);
    }

    [Fact]
    public async Task The_name_of_a_router_that_failed_to_start_can_be_used_again()
    {
        await using var sys = ActorSystem.Create("deploy");
        var bad = new RoundRobinPool(2).WithRouteeDispatcher("no-such-dispatcher");

        Assert.Throws<ActorConfigurationException>(() => sys.ActorOf(Props.Create<NameReplier>().WithRouter(bad), "workers"));
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "workers");

        Assert.StartsWith("$", await router.Ask<string>("hi", Patience));
    }

    [Fact]
    public void Every_router_key_read_from_a_deployment_block_is_documented_in_router_defaults()
    {
        var reference = ConfigurationFactory.Reference;
        var defaults = reference.GetConfig("actorproc.actor.router-defaults");
        const string prefix = "actorproc.actor.deployment.\"/w\".";
        var blocks = new[]
        {
            "router = tail-chopping-pool, resizer.enabled = on",
            "router = consistent-hashing-group, routees.paths = [\"/user/a\"]",
            "router = scatter-gather-group, routees.paths = [\"/user/a\"]",
        };

        using (ConfigReadRecorder.Start(out var paths))
        {
            foreach (var text in blocks)
            {
                var block = Config.Parse($"actorproc.actor.deployment {{ \"/w\" {{ {text} }} }}").GetConfig("actorproc.actor.deployment").GetConfigByKey("/w");
                RouterDeployment.FromConfig(block, defaults, block.RootPath, null);
            }

            var keys = paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]).Distinct().ToArray();
            Assert.Contains("resizer.messages-per-resize", keys);
            Assert.All(keys, key => Assert.True(defaults.HasPath(key), $"router-defaults.{key} is missing from reference.conf"));
        }
    }

    private sealed class ThreadNameReplier : ReceiveActor
    {
        public ThreadNameReplier() => ReceiveAny(_ => Sender.Tell(Thread.CurrentThread.Name ?? "", Self));
    }
}
