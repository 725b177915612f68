using ActorProc.Core.Actors;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Faults;

/// <summary>Dropping, duplicating, delaying and blackholing the traffic to one node.</summary>
public sealed class FaultInjectorSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Nodes _nodes = new();
    private Remoting _a = null!;
    private Remoting _b = null!;
    private IActorRef _echoOnB = null!;

    public async Task InitializeAsync()
    {
        _a = _nodes.Start("alpha");
        _b = _nodes.Start("beta");
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        _echoOnB = await _a.System.ActorSelection($"{_b.Address}/user/echo").ResolveOne(Timeout);
    }

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task Drop_loses_messages_until_cleared()
    {
        var probe = new Probe(_a.System);
        _a.Faults.Drop(_b.Address, 1.0);
        _echoOnB.Tell("lost", probe.Ref);
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(300));
        _a.Faults.Clear(_b.Address);
        _echoOnB.Tell("delivered", probe.Ref);
        await probe.ExpectAsync("delivered", Timeout);
    }

    [Fact]
    public async Task Duplicate_delivers_each_message_twice_in_order()
    {
        var probe = new Probe(_a.System);
        _a.Faults.Duplicate(_b.Address, 1.0);
        _echoOnB.Tell(1, probe.Ref);
        _echoOnB.Tell(2, probe.Ref);
        var received = new List<int>();
        for (var i = 0; i < 4; i++) received.Add(await probe.ExpectAsync<int>(Timeout));
        Assert.Equal(new[] { 1, 1, 2, 2 }, received);
    }

    [Fact]
    public async Task Delay_holds_messages_back_but_keeps_their_order()
    {
        var probe = new Probe(_a.System);
        _a.Faults.Delay(_b.Address, TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 5; i++) _echoOnB.Tell(i, probe.Ref);
        for (var i = 0; i < 5; i++) await probe.ExpectAsync(i, Timeout);
    }

    [Fact]
    public async Task Blackhole_cuts_traffic_both_ways_until_cleared()
    {
        var probe = new Probe(_a.System);
        _a.Faults.Blackhole(_b.Address);
        Assert.True(_a.Faults.IsBlackholed(_b.Address));
        _echoOnB.Tell("into the void", probe.Ref);
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(300));
        _a.Faults.Clear(_b.Address);
        Assert.Null(_a.Faults.RuleFor(_b.Address));
        // The first messages after clearing may still race the reconnect; at-most-once allows that, so retry.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Assert.Equal("back", await _echoOnB.Ask<string>("back", TimeSpan.FromSeconds(2)));
                break;
            }
            catch (AskTimeoutException) when (attempt < 4)
            {
            }
        }
    }

    [Fact]
    public void Probabilities_outside_zero_to_one_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _a.Faults.Drop(_b.Address, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _a.Faults.Duplicate(_b.Address, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _a.Faults.Delay(_b.Address, TimeSpan.FromSeconds(-1)));
    }
}
