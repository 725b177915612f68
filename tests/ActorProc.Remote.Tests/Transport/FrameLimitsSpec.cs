using ActorProc.Core.Actors;
using ActorProc.Core.Events;
using ActorProc.Remote.Serialization;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>Frame size limits and undeliverable payloads: only the offending message is lost; the nodes carry on.</summary>
public sealed class FrameLimitsSpec() : TwoNodeSpec(alphaConfig: "actorproc.remote.maximum-frame-size = 4MiB", betaConfig: "actorproc.remote.maximum-frame-size = 64KiB")
{
    [Fact]
    public async Task An_oversized_frame_closes_that_connection_only_and_the_sender_reconnects()
    {
        var log = new LogWatch(B.System);
        var probe = new Probe(A.System);
        EchoOnB.Tell(new byte[200 * 1024], probe.Ref);
        await log.ExpectAsync(m => m.Contains("malformed data") && m.Contains("maximum-frame-size"));
        // The connection was closed by beta; alpha reconnects on the next message.
        Assert.Equal("after", await RetryAskAsync("after"));
    }

    [Fact]
    public async Task A_message_larger_than_the_senders_limit_goes_to_dead_letters_and_the_connection_stays_up()
    {
        var deadLetters = Nodes.DeadLetters(B.System);
        var probe = new Probe(B.System);
        A.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = await B.System.ActorSelection($"{A.Address}/user/echo").ResolveOne(Timeout);
        echo.Tell(new byte[100 * 1024], probe.Ref);
        var dead = await deadLetters.Reader.ReadAsync();
        Assert.Contains("maximum-frame-size", dead.Reason);
        Assert.Equal("small", await echo.Ask<string>("small", Timeout));
    }

    [Fact]
    public async Task A_message_with_an_unknown_manifest_goes_to_dead_letters_and_the_connection_survives()
    {
        A.Serialization.Register<OnlyOnAlpha>("test.only-on-alpha");
        var deadLetters = Nodes.DeadLetters(B.System);
        var probe = new Probe(A.System);
        EchoOnB.Tell(new OnlyOnAlpha(1), probe.Ref);
        EchoOnB.Tell("after", probe.Ref);
        await probe.ExpectAsync("after", Timeout);
        var dead = await deadLetters.Reader.ReadAsync();
        var unreadable = Assert.IsType<UnreadableMessage>(dead.Message);
        Assert.Equal("test.only-on-alpha", unreadable.Manifest);
    }

    [Fact]
    public async Task An_unregistered_message_type_goes_to_dead_letters_on_the_sender()
    {
        var deadLetters = Nodes.DeadLetters(A.System);
        EchoOnB.Tell(new NotRegistered(), null);
        var dead = await deadLetters.Reader.ReadAsync();
        Assert.IsType<NotRegistered>(dead.Message);
        Assert.Contains("not registered", dead.Reason);
        Assert.Equal("fine", await EchoOnB.Ask<string>("fine", Timeout));
    }

    private async Task<string> RetryAskAsync(string message)
    {
        // Messages queued while the connection broke may be lost (at-most-once); a fresh ask after it must succeed.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await EchoOnB.Ask<string>(message, TimeSpan.FromSeconds(2));
            }
            catch (AskTimeoutException) when (attempt < 4)
            {
            }
        }
    }

    public sealed record OnlyOnAlpha(int N);

    public sealed record NotRegistered;
}
