using System.Net.Sockets;
using ActorProc.Core.Actors;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Handshake;

/// <summary>Peers that fail the handshake or send garbage are disconnected and logged; the node keeps serving others.</summary>
public sealed class HandshakeSecuritySpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Nodes _nodes = new();
    private Remoting _server = null!;
    private LogWatch _serverLog = null!;

    public Task InitializeAsync()
    {
        _server = _nodes.Start("beta");
        _serverLog = new LogWatch(_server.System);
        _server.System.ActorOf(Props.Create<EchoActor>(), "echo");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task A_peer_with_the_wrong_secret_is_rejected_and_its_messages_never_arrive()
    {
        var intruder = _nodes.Start("beta", secret: "not-the-secret");
        var intruderLog = new LogWatch(intruder.System);
        var probe = new Probe(intruder.System);
        intruder.RefFor($"{_server.Address}/user/echo").Tell("let me in", probe.Ref);

        await intruderLog.ExpectAsync(m => m.Contains("failed to prove the shared secret"));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(300));
        await AssertServerStillServes();
    }

    [Fact]
    public async Task A_client_that_cannot_prove_the_secret_is_rejected_by_the_server()
    {
        // The client side's own check is skipped by talking raw: send a valid hello, then a wrong proof.
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _server.Address.Port!.Value);
        var stream = client.GetStream();
        await RawFrames.SendHelloAsync(stream, _server.Address);
        await RawFrames.ReadFrameAsync(stream); // the challenge
        await RawFrames.SendAsync(stream, 3, new byte[32]); // a proof of zeros
        await _serverLog.ExpectAsync(m => m.Contains("Rejected connection") && m.Contains("authentication failed"));
        await AssertServerStillServes();
    }

    [Fact]
    public async Task A_peer_expecting_another_system_name_is_rejected()
    {
        var client = _nodes.Start("alpha");
        var wrongName = _server.Address with { System = "gamma" };
        client.RefFor($"{wrongName}/user/echo").Tell("hi", null);
        await _serverLog.ExpectAsync(m => m.Contains("Rejected connection") && m.Contains("not 'gamma'"));
        await AssertServerStillServes();
    }

    [Fact]
    public async Task Garbage_bytes_are_dropped_and_the_node_keeps_serving()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", _server.Address.Port!.Value);
            await client.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
            await _serverLog.ExpectAsync(m => m.Contains("Rejected connection"));
        }
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", _server.Address.Port!.Value);
            // A small, well-formed frame of the wrong kind, then random bytes.
            await RawFrames.SendAsync(client.GetStream(), 10, new byte[] { 1, 2, 3 });
            await client.GetStream().WriteAsync(Guid.NewGuid().ToByteArray());
            await _serverLog.ExpectAsync(m => m.Contains("Rejected connection") && m.Contains("not a hello"));
        }
        await AssertServerStillServes();
    }

    [Fact]
    public async Task A_silent_peer_is_cut_off_after_the_handshake_timeout()
    {
        var server = _nodes.Start("delta", extra: "actorproc.remote.handshake-timeout = 300ms");
        var log = new LogWatch(server.System);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Address.Port!.Value);
        await log.ExpectAsync(m => m.Contains("Rejected connection") && m.Contains("no handshake within"));
    }

    private async Task AssertServerStillServes()
    {
        var friend = _nodes.Start("alpha");
        var echo = await friend.System.ActorSelection($"{_server.Address}/user/echo").ResolveOne(Timeout);
        Assert.Equal("still here", await echo.Ask<string>("still here", Timeout));
    }
}
