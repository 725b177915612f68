using ActorProc.Core.Actors;
using ActorProc.Remote.Deployment;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Deployment;

/// <summary>Children deployed on another node with RemoteScope run there and are supervised by their local parent.</summary>
public sealed class RemoteDeploymentSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Nodes _nodes = new();
    private Remoting _a = null!;
    private Remoting _b = null!;

    public Task InitializeAsync()
    {
        _a = _nodes.Start("alpha");
        _b = _nodes.Start("beta");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task A_remotely_deployed_child_runs_on_the_other_node()
    {
        var probe = new Probe(_a.System);
        var parent = _a.System.ActorOf(Props.Create(() => new DeployingParent(Props.Create<EchoActor>(), _b.Address, probe.Ref)), "parent");
        var child = await parent.Ask<IActorRef>("child?", Timeout);
        Assert.Equal(_b.Address, child.Path.Address);
        var pathOnB = await child.Ask<string>("path", Timeout);
        Assert.StartsWith("actorproc://beta/remote/actorproc.tcp/alpha@", pathOnB);
        Assert.EndsWith("/user/parent/worker", pathOnB);
        Assert.Equal("direct", await child.Ask<string>("direct", Timeout));
    }

    [Fact]
    public async Task A_failing_remote_child_is_restarted_by_its_local_parent()
    {
        var probe = new Probe(_a.System);
        var parent = _a.System.ActorOf(Props.Create(() => new DeployingParent(Props.Create<EchoActor>(), _b.Address, probe.Ref)), "parent");
        var child = await parent.Ask<IActorRef>("child?", Timeout);
        child.Tell("crash", null);
        var restarted = await probe.ExpectAsync<string>(Timeout);
        Assert.StartsWith("restarted:", restarted);
        Assert.Contains("crash requested", restarted);
        Assert.Equal("alive", await child.Ask<string>("alive", Timeout));
    }

    [Fact]
    public async Task Stopping_the_parent_stops_its_remote_child()
    {
        var probe = new Probe(_a.System);
        var parent = _a.System.ActorOf(Props.Create(() => new DeployingParent(Props.Create<EchoActor>(), _b.Address, probe.Ref)), "parent");
        var child = await parent.Ask<IActorRef>("child?", Timeout);
        var watcherProbe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new WatchingActor(child, watcherProbe.Ref)));
        Assert.Equal("sync", await child.Ask<string>("sync", Timeout));
        _a.System.Stop(parent);
        var terminated = (await watcherProbe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.Equal(child, terminated.ActorRef);
    }

    [Fact]
    public async Task A_type_the_other_node_does_not_allow_is_refused_and_the_parent_sees_the_child_die()
    {
        var probe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new DeployingParent(Props.Create<NotAllowedActor>(), _b.Address, probe.Ref)), "parent");
        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task Both_nodes_terminating_at_once_do_not_leave_the_parent_waiting_for_its_remote_child()
    {
        var probe = new Probe(_a.System);
        var parent = _a.System.ActorOf(Props.Create(() => new DeployingParent(Props.Create<EchoActor>(), _b.Address, probe.Ref)), "parent");
        var child = await parent.Ask<IActorRef>("child?", Timeout);
        Assert.Equal("sync", await child.Ask<string>("sync", Timeout));
        var results = await Task.WhenAll(_a.System.Terminate(), _b.System.Terminate());
        Assert.All(results, r => Assert.False(r.Forced, $"forced: {string.Join(", ", r.OverranActors)}"));
    }

    [Fact]
    public void Deploying_without_remoting_or_to_this_node_fails_fast()
    {
        var system = ActorSystem.Create("plain");
        try
        {
            var props = Props.Create<EchoActor>().WithDeploy(new Deploy(new RemoteScope(_b.Address)));
            Assert.Throws<ActorConfigurationException>(() => system.ActorOf(props));
            var toSelf = Props.Create<EchoActor>().WithDeploy(new Deploy(new RemoteScope(_a.Address)));
            Assert.Throws<ActorConfigurationException>(() => _a.System.ActorOf(toSelf));
        }
        finally
        {
            _ = system.Terminate();
        }
    }

    /// <summary>Deploys one child named "worker" on another node, watches it, and reports what the child tells it.</summary>
    private sealed class DeployingParent : ReceiveActor
    {
        public DeployingParent(Props childProps, Address node, IActorRef report)
        {
            var child = Context.ActorOf(childProps.WithDeploy(new Deploy(new RemoteScope(node))), "worker");
            Context.Watch(child);
            Receive<string>(_ => Sender.Tell(child, Self), s => s == "child?");
            Receive<string>(s => report.Tell(s, Self));
            Receive<Terminated>(t => report.Tell(new WatchingActor.Observed(t), Self));
        }
    }

    private sealed class NotAllowedActor : ReceiveActor
    {
        public NotAllowedActor() => ReceiveAny(_ => { });
    }
}
