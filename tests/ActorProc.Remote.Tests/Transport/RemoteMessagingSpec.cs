using ActorProc.Core.Actors;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>Tell, Ask, Forward and ActorSelection between two actor systems in one process over loopback TCP.</summary>
public sealed class RemoteMessagingSpec : TwoNodeSpec
{
    [Fact]
    public void The_bound_port_is_read_back_into_the_address()
    {
        Assert.Equal("actorproc.tcp", A.Address.Protocol);
        Assert.Equal("127.0.0.1", A.Address.Host);
        Assert.NotEqual(0, A.Address.Port);
        Assert.Equal(A.Address, A.System.Address);
    }

    [Fact]
    public async Task ResolveOne_returns_a_ref_with_the_remote_path_and_incarnation()
    {
        Assert.Equal($"{B.Address}/user/echo", EchoOnB.Path.ToString());
        var path = await EchoOnB.Ask<string>("path", Timeout);
        Assert.EndsWith("/user/echo", path);
    }

    [Fact]
    public async Task Tell_reaches_the_remote_actor_and_the_reply_comes_back_to_the_sender()
    {
        var probe = new Probe(A.System);
        EchoOnB.Tell("ping", probe.Ref);
        await probe.ExpectAsync("ping", Timeout);
        Assert.Equal(EchoOnB, probe.LastSender);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(-7L)]
    [InlineData(3.5)]
    [InlineData(true)]
    public async Task Ask_round_trips_primitives(object value)
    {
        var reply = await EchoOnB.Ask<object>(value, Timeout);
        Assert.Equal(value, reply);
    }

    [Fact]
    public async Task Ask_round_trips_byte_arrays_and_strings()
    {
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, await EchoOnB.Ask<byte[]>(new byte[] { 1, 2, 3, 255 }, Timeout));
        Assert.Equal("grüße 🌍", await EchoOnB.Ask<string>("grüße 🌍", Timeout));
    }

    [Fact]
    public async Task A_ref_inside_a_message_resolves_back_to_the_same_local_actor()
    {
        var probe = new Probe(A.System);
        EchoOnB.Tell(new Greeting("from alpha", probe.Ref), null);
        await probe.ExpectAsync("hello from alpha", Timeout);
        Assert.Equal(EchoOnB, probe.LastSender);
    }

    [Fact]
    public async Task A_ref_sent_as_a_message_comes_back_equal_to_the_original()
    {
        var probe = new Probe(A.System);
        var echoed = await EchoOnB.Ask<IActorRef>(probe.Ref, Timeout);
        Assert.Equal(probe.Ref, echoed);
        echoed.Tell("via echoed ref", null);
        await probe.ExpectAsync("via echoed ref", Timeout);
    }

    [Fact]
    public async Task Forward_keeps_the_original_sender_across_nodes()
    {
        var forwarder = A.System.ActorOf(Props.Create(() => new Forwarder(EchoOnB)), "forwarder");
        var probe = new Probe(A.System);
        forwarder.Tell("forwarded", probe.Ref);
        await probe.ExpectAsync("forwarded", Timeout);
        Assert.Equal(EchoOnB, probe.LastSender);
    }

    [Fact]
    public async Task A_remote_selection_delivers_to_matching_actors_and_Identify_finds_none_for_a_missing_path()
    {
        var probe = new Probe(A.System);
        A.System.ActorSelection($"{B.Address}/user/ec*").Tell("wild", probe.Ref);
        await probe.ExpectAsync("wild", Timeout);
        A.System.ActorSelection($"{B.Address}/user/missing").Tell(new Identify(7), probe.Ref);
        var identity = await probe.ExpectAsync<ActorIdentity>(Timeout);
        Assert.Equal(7, identity.MessageId);
        Assert.Null(identity.Subject);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => A.System.ActorSelection($"{B.Address}/user/missing").ResolveOne(Timeout));
    }

    [Fact]
    public async Task A_selection_with_this_nodes_own_address_is_local()
    {
        var probe = new Probe(A.System, "self-probe");
        A.System.ActorSelection($"{A.Address}/user/self-probe").Tell("local", null);
        await probe.ExpectAsync("local", Timeout);
        A.System.ActorSelection("actorproc://alpha/user/self-probe").Tell("local2", null);
        await probe.ExpectAsync("local2", Timeout);
    }

    [Fact]
    public async Task Both_directions_work_at_once()
    {
        A.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echoOnA = await B.System.ActorSelection($"{A.Address}/user/echo").ResolveOne(Timeout);
        var fromA = EchoOnB.Ask<string>("a→b", Timeout);
        var fromB = echoOnA.Ask<string>("b→a", Timeout);
        Assert.Equal("a→b", await fromA);
        Assert.Equal("b→a", await fromB);
    }

    [Fact]
    public async Task Status_failure_faults_a_remote_ask_with_the_remote_exception()
    {
        var e = await Assert.ThrowsAsync<ActorProc.Remote.Serialization.RemoteException>(() =>
            EchoOnB.Ask<object>(new Status.Failure(new InvalidOperationException("boom")), Timeout));
        Assert.Equal("System.InvalidOperationException", e.OriginalType);
        Assert.Equal("boom", e.OriginalMessage);
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(target.Forward);
    }
}
