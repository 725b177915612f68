using ActorProc.Core.Actors;
using ActorProc.Remote.Deployment;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>Remoting with a node in a real separate process: messaging, deployment, kill -9 and restart.</summary>
public sealed class MultiProcessSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly Nodes _nodes = new();
    private readonly List<NodeProcess> _processes = [];
    private Remoting _local = null!;

    public Task InitializeAsync()
    {
        _local = _nodes.Start("cluster");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        await _nodes.DisposeAsync();
    }

    [Fact]
    public async Task Tell_ask_and_deployment_work_with_a_node_in_another_process()
    {
        var node = await StartNodeAsync();
        var echo = await _local.System.ActorSelection($"{node.Address}/user/echo").ResolveOne(Timeout);
        Assert.Equal("across processes", await echo.Ask<string>("across processes", Timeout));

        var probe = new Probe(_local.System);
        echo.Tell(probe.Ref, probe.Ref);
        Assert.Equal(probe.Ref, await probe.ExpectAsync<IActorRef>(Timeout)); // a ref that went to the other process and back

        var deployed = _local.System.ActorOf(Props.Create<TestNode.EchoActor>().WithDeploy(new Deploy(new RemoteScope(node.Address))), "deployed");
        var path = await deployed.Ask<string>("path", Timeout);
        Assert.StartsWith($"actorproc://cluster/remote/actorproc.tcp/cluster@127.0.0.1:{_local.Address.Port}/user/deployed", path);
    }

    [Fact]
    public async Task Killing_the_remote_process_terminates_its_watched_actors_and_a_restarted_node_is_reachable_again()
    {
        var node = await StartNodeAsync();
        var echo = await _local.System.ActorSelection($"{node.Address}/user/echo").ResolveOne(Timeout);
        var probe = new Probe(_local.System);
        _local.System.ActorOf(Props.Create(() => new WatchingActor(echo, probe.Ref)));
        Assert.Equal("sync", await echo.Ask<string>("sync", Timeout));

        await node.KillAsync();
        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.Equal(echo, terminated.ActorRef);
        Assert.True(terminated.AddressTerminated);

        var restarted = await StartNodeAsync(node.Address.Port!.Value);
        var echoAgain = await ResolveWithRetryAsync($"{restarted.Address}/user/echo");
        Assert.Equal("welcome back", await echoAgain.Ask<string>("welcome back", Timeout));
    }

    private async Task<NodeProcess> StartNodeAsync(int port = 0)
    {
        var node = await NodeProcess.StartAsync("cluster", Nodes.Secret, port);
        _processes.Add(node);
        return node;
    }

    private async Task<IActorRef> ResolveWithRetryAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _local.System.ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(2));
            }
            catch (ActorNotFoundException) when (attempt < 5)
            {
                // The first attempt may race the reconnect backoff; a later one must succeed.
            }
        }
    }
}
