using ActorProc.Core.Actors;
using ActorProc.Remote.Handshake;

namespace ActorProc.Remote.Tests.Handshake;

/// <summary>The HMAC proofs of the handshake.</summary>
public sealed class HandshakeAuthenticatorTests
{
    private static readonly Address Client = new("actorproc.tcp", "sys", "127.0.0.1", 1000);
    private static readonly Address Server = new("actorproc.tcp", "sys", "127.0.0.1", 2000);
    private readonly byte[] _clientNonce = HandshakeAuthenticator.NewNonce();
    private readonly byte[] _serverNonce = HandshakeAuthenticator.NewNonce();

    [Fact]
    public void The_same_secret_gives_the_same_proof_and_another_secret_does_not()
    {
        var a = new HandshakeAuthenticator("s3cret").ServerProof(_clientNonce, _serverNonce, Client, 1, Server, 2);
        var b = new HandshakeAuthenticator("s3cret").ServerProof(_clientNonce, _serverNonce, Client, 1, Server, 2);
        var c = new HandshakeAuthenticator("other").ServerProof(_clientNonce, _serverNonce, Client, 1, Server, 2);
        Assert.True(HandshakeAuthenticator.Matches(a, b));
        Assert.False(HandshakeAuthenticator.Matches(a, c));
    }

    [Fact]
    public void A_server_proof_cannot_be_reflected_as_a_client_proof()
    {
        var auth = new HandshakeAuthenticator("s3cret");
        var server = auth.ServerProof(_clientNonce, _serverNonce, Client, 1, Server, 2);
        var client = auth.ClientProof(_clientNonce, _serverNonce, Client, 1, Server, 2);
        Assert.False(HandshakeAuthenticator.Matches(server, client));
    }

    [Fact]
    public void Proofs_bind_the_nonces_and_the_incarnations()
    {
        var auth = new HandshakeAuthenticator("s3cret");
        var proof = auth.ClientProof(_clientNonce, _serverNonce, Client, 1, Server, 2);
        Assert.False(HandshakeAuthenticator.Matches(proof, auth.ClientProof(_clientNonce, HandshakeAuthenticator.NewNonce(), Client, 1, Server, 2)));
        Assert.False(HandshakeAuthenticator.Matches(proof, auth.ClientProof(_clientNonce, _serverNonce, Client, 9, Server, 2)));
        Assert.Equal(32, proof.Length);
    }

    [Fact]
    public void A_hello_round_trips_and_garbage_is_rejected()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        HandshakeMessages.Write(buffer, new HandshakeMessages.Hello(Client, 5, Server, _clientNonce));
        var hello = HandshakeMessages.ReadHello(buffer.WrittenSpan);
        Assert.Equal(Client, hello.Client);
        Assert.Equal(Server, hello.ExpectedServer);
        Assert.Equal(5, hello.ClientUid);
        Assert.Throws<HandshakeException>(() => HandshakeMessages.ReadHello("GET / HTTP/1.1"u8));
        Assert.Throws<HandshakeException>(() => HandshakeMessages.ReadHello(buffer.WrittenSpan[..^3]));
    }
}
