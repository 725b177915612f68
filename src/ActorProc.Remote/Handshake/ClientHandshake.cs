using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using ActorProc.Core.Actors;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Handshake;

/// <summary>The client side of the handshake: Hello, check the server's proof, send ours, wait for Accepted.</summary>
internal static class ClientHandshake
{
    /// <summary>Returns the server's address and incarnation uid once both sides are authenticated.</summary>
    /// <exception cref="HandshakeException">The server is not who we expected, failed to prove the secret, or refused us.</exception>
    public static async Task<(Address Server, long ServerUid)> RunAsync(RemoteActorRefProvider provider, Stream stream, PipeReader reader, Address expected, CancellationToken cancellationToken)
    {
        var self = provider.Address;
        var clientNonce = HandshakeAuthenticator.NewNonce();
        await FrameIO.WriteFrameAsync(stream, FrameType.Hello, new HandshakeMessages.Hello(self, provider.Uid, expected, clientNonce), HandshakeMessages.Write, cancellationToken).ConfigureAwait(false);

        var challenge = HandshakeMessages.ReadChallenge(await ExpectAsync(reader, FrameType.Challenge, cancellationToken).ConfigureAwait(false));
        if (challenge.Server.System != expected.System)
            throw new HandshakeException($"expected actor system '{expected.System}' at {expected.Host}:{expected.Port} but found '{challenge.Server.System}'");
        var expectedProof = provider.Authenticator.ServerProof(clientNonce, challenge.Nonce, self, provider.Uid, challenge.Server, challenge.ServerUid);
        if (!HandshakeAuthenticator.Matches(expectedProof, challenge.Proof))
        {
            await ServerHandshake.TryRejectAsync(stream, "authentication failed", cancellationToken).ConfigureAwait(false);
            throw new HandshakeException($"{expected} failed to prove the shared secret (actorproc.remote.secret differs)");
        }
        if (provider.IsQuarantined(expected, challenge.ServerUid))
            throw new HandshakeException($"{expected} incarnation {challenge.ServerUid} is quarantined; it must restart to be reachable again");

        var proof = provider.Authenticator.ClientProof(clientNonce, challenge.Nonce, self, provider.Uid, challenge.Server, challenge.ServerUid);
        await FrameIO.WriteFrameAsync(stream, FrameType.Proof, proof, static (output, p) => output.Write(p), cancellationToken).ConfigureAwait(false);
        await ExpectAsync(reader, FrameType.Accepted, cancellationToken).ConfigureAwait(false);
        return (challenge.Server, challenge.ServerUid);
    }

    private static async Task<byte[]> ExpectAsync(PipeReader reader, FrameType type, CancellationToken cancellationToken)
    {
        var frame = await FrameIO.ReadFrameAsync(reader, HandshakeMessages.MaxFrameSize, cancellationToken).ConfigureAwait(false)
            ?? throw new HandshakeException($"the server closed the connection during the handshake (waiting for {type})");
        if (frame.Type == FrameType.Rejected)
            throw new HandshakeException($"the server refused the handshake: {Encoding.UTF8.GetString(frame.Payload)}");
        return frame.Type == type ? frame.Payload : throw new HandshakeException($"expected {type} but received frame type {(byte)frame.Type}");
    }
}
