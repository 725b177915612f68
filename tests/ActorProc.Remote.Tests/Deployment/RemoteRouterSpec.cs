using ActorProc.Core.Actors;
using ActorProc.Core.Routing;
using ActorProc.Remote.Deployment;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Deployment;

/// <summary>A router pool whose routees are deployed over other nodes, while the router stays local.</summary>
public sealed class RemoteRouterSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Nodes _nodes = new();
    private Remoting _a = null!;
    private Remoting _b = null!;
    private Remoting _c = null!;

    public Task InitializeAsync()
    {
        _a = _nodes.Start("cluster");
        _b = _nodes.Start("cluster");
        _c = _nodes.Start("cluster");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task A_round_robin_pool_spreads_its_routees_over_the_listed_nodes()
    {
        var props = Props.Create<EchoActor>()
            .WithRouter(new RoundRobinPool(4))
            .WithDeploy(new Deploy(new RemoteNodesScope([_b.Address, _c.Address])));
        var router = _a.System.ActorOf(props, "workers");
        Assert.Equal(_a.System.LocalAddress, router.Path.Address); // the router itself is local

        var routees = (await router.Ask<Routees>(GetRoutees.Instance, Timeout)).Members;
        Assert.Equal(4, routees.Count);
        Assert.Equal(2, routees.Count(r => r.Path.Address == _b.Address));
        Assert.Equal(2, routees.Count(r => r.Path.Address == _c.Address));

        var answers = new List<string>();
        for (var i = 0; i < 4; i++) answers.Add(await router.Ask<string>("path", Timeout));
        Assert.Equal(4, answers.Distinct().Count()); // each routee answered once, round robin
        Assert.All(answers, a => Assert.Contains("/remote/actorproc.tcp/cluster@", a));
    }

    [Fact]
    public async Task A_failing_remote_routee_is_restarted_by_the_local_router()
    {
        var props = Props.Create<EchoActor>()
            .WithRouter(new RoundRobinPool(1))
            .WithDeploy(new Deploy(new RemoteScope(_b.Address)));
        var router = _a.System.ActorOf(props, "single");
        router.Tell("crash", null);
        Assert.Equal("still routing", await router.Ask<string>("still routing", Timeout));
        var routees = (await router.Ask<Routees>(GetRoutees.Instance, Timeout)).Members;
        Assert.Single(routees);
    }
}
