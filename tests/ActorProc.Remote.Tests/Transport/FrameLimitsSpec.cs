using ActorProc.Core.Actors;
using ActorProc.Core.Events;
using ActorProc.Remote.Serialization;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>Frame size limits and undeliverable payloads: only the offending message is lost; the nodes carry on.</summary>
public sealed class FrameLimitsSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Nodes _nodes = new();
    private Remoting _a = null!;
    private Remoting _b = null!;
    private IActorRef _echoOnB = null!;

    public async Task InitializeAsync()
    {
        _a = _nodes.Start("alpha", extra: "actorproc.remote.maximum-frame-size = 4MiB");
        _b = _nodes.Start("beta", extra: "actorproc.remote.maximum-frame-size = 64KiB");
        _b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        _echoOnB = await _a.System.ActorSelection($"{_b.Address}/user/echo").ResolveOne(Timeout);
    }

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task An_oversized_frame_closes_that_connection_only_and_the_sender_reconnects()
    {
        var log = new LogWatch(_b.System);
        var probe = new Probe(_a.System);
        _echoOnB.Tell(new byte[200 * 1024], probe.Ref);
        await log.ExpectAsync(m => m.Contains("malformed data") && m.Contains("maximum-frame-size"));
        // The connection was closed by beta; alpha reconnects on the next message.
        Assert.Equal("after", await RetryAskAsync("after"));
    }

    [Fact]
    public async Task A_message_larger_than_the_senders_limit_goes_to_dead_letters_and_the_connection_stays_up()
    {
        var deadLetters = Nodes.DeadLetters(_b.System);
        var probe = new Probe(_b.System);
        _a.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = await _b.System.ActorSelection($"{_a.Address}/user/echo").ResolveOne(Timeout);
        echo.Tell(new byte[100 * 1024], probe.Ref);
        var dead = await deadLetters.Reader.ReadAsync();
        Assert.Contains("maximum-frame-size", dead.Reason);
        Assert.Equal("small", await echo.Ask<string>("small", Timeout));
    }

    [Fact]
    public async Task A_message_with_an_unknown_manifest_goes_to_dead_letters_and_the_connection_survives()
    {
        _a.Serialization.Register<OnlyOnAlpha>("test.only-on-alpha");
        var deadLetters = Nodes.DeadLetters(_b.System);
        var probe = new Probe(_a.System);
        _echoOnB.Tell(new OnlyOnAlpha(1), probe.Ref);
        _echoOnB.Tell("after", probe.Ref);
        await probe.ExpectAsync("after", Timeout);
        var dead = await deadLetters.Reader.ReadAsync();
        var unreadable = Assert.IsType<UnreadableMessage>(dead.Message);
        Assert.Equal("test.only-on-alpha", unreadable.Manifest);
    }

    [Fact]
    public async Task An_unregistered_message_type_goes_to_dead_letters_on_the_sender()
    {
        var deadLetters = Nodes.DeadLetters(_a.System);
        _echoOnB.Tell(new NotRegistered(), null);
        var dead = await deadLetters.Reader.ReadAsync();
        Assert.IsType<NotRegistered>(dead.Message);
        Assert.Contains("not registered", dead.Reason);
        Assert.Equal("fine", await _echoOnB.Ask<string>("fine", Timeout));
    }

    private async Task<string> RetryAskAsync(string message)
    {
        // Messages queued while the connection broke may be lost (at-most-once); a fresh ask after it must succeed.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _echoOnB.Ask<string>(message, TimeSpan.FromSeconds(2));
            }
            catch (AskTimeoutException) when (attempt < 4)
            {
            }
        }
    }

    public sealed record OnlyOnAlpha(int N);

    public sealed record NotRegistered;
}
