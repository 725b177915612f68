using ActorProc.Core.Actors;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.FailureDetection;

/// <summary>Watch across nodes: Terminated when the remote actor stops, when its node becomes unreachable, and when the node restarts.</summary>
public sealed class RemoteDeathWatchSpec : IAsyncLifetime
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
    public async Task Watching_a_remote_actor_yields_Terminated_when_it_stops()
    {
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = await _a.System.ActorSelection($"{_b.Address}/user/echo").ResolveOne(Timeout);
        var probe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new WatchingActor(echo, probe.Ref)));
        Assert.Equal("sync", await echo.Ask<string>("sync", Timeout)); // the Watch travelled before this reply
        echo.Tell(PoisonPill.Instance, null);
        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.Equal(echo, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task A_lost_death_notification_is_sent_again_until_it_arrives()
    {
        var echo = _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var remoteEcho = await _a.System.ActorSelection($"{_b.Address}/user/echo").ResolveOne(Timeout);
        var probe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new WatchingActor(remoteEcho, probe.Ref)));
        Assert.Equal("sync", await remoteEcho.Ask<string>("sync", Timeout));

        _b.Faults.Drop(_a.Address, 1.0); // everything beta sends to alpha is lost, the death notification too
        _b.System.Stop(echo);
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(500));
        _b.Faults.Clear(_a.Address);

        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.Equal(remoteEcho, terminated.ActorRef);
        Assert.False(terminated.AddressTerminated); // the real notification, resent, not the failure detector
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(300)); // and exactly once
    }

    [Fact]
    public async Task Watching_a_remote_path_where_no_actor_lives_yields_Terminated_at_once()
    {
        var missing = _a.RefFor($"{_b.Address}/user/nobody-here");
        var probe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new WatchingActor(missing, probe.Ref)));
        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task A_blackholed_node_is_declared_unreachable_and_watchers_get_AddressTerminated()
    {
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = await _a.System.ActorSelection($"{_b.Address}/user/echo").ResolveOne(Timeout);
        var probe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new WatchingActor(echo, probe.Ref)));
        Assert.Equal("sync", await echo.Ask<string>("sync", Timeout));
        _a.Faults.Blackhole(_b.Address);
        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.True(terminated.AddressTerminated);
        Assert.Equal(echo, terminated.ActorRef);
    }

    [Fact]
    public async Task A_node_restarted_on_the_same_port_is_a_new_incarnation_and_can_be_reached_again()
    {
        var port = _b.Address.Port!.Value;
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = await _a.System.ActorSelection($"{_b.Address}/user/echo").ResolveOne(Timeout);
        var probe = new Probe(_a.System);
        _a.System.ActorOf(Props.Create(() => new WatchingActor(echo, probe.Ref)));
        Assert.Equal("sync", await echo.Ask<string>("sync", Timeout));

        // Beta vanishes without a goodbye: it stops talking to alpha, then terminates.
        _b.Faults.Blackhole(_a.Address);
        await _b.System.Terminate();
        await _b.WhenStopped;
        var terminated = (await probe.ExpectAsync<WatchingActor.Observed>(Timeout)).Terminated;
        Assert.True(terminated.AddressTerminated);

        var reborn = _nodes.Start("beta", port: port);
        Assert.NotEqual(_b.Uid, reborn.Uid);
        reborn.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echoAgain = await ResolveWithRetryAsync($"{reborn.Address}/user/echo");
        Assert.Equal("again", await echoAgain.Ask<string>("again", Timeout));
        Assert.NotEqual(echo, echoAgain); // another incarnation of the same path
    }

    private async Task<IActorRef> ResolveWithRetryAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _a.System.ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(2));
            }
            catch (ActorNotFoundException) when (attempt < 5)
            {
                // The first attempt may race the reconnect backoff; a later one must succeed.
            }
        }
    }
}
