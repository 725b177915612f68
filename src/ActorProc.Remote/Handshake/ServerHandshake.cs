using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using ActorProc.Core.Actors;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Handshake;

/// <summary>The server side of the handshake: read Hello, answer with our proof, check the client's proof, accept.</summary>
internal static class ServerHandshake
{
    /// <summary>Returns the client's address and incarnation uid, and the address it dialed, once both sides are authenticated.</summary>
    /// <exception cref="HandshakeException">The client is not an ActorProc node of this system, or failed to prove the secret (it was told why, then the caller closes).</exception>
    public static async Task<(Address Client, long ClientUid, Address Dialed)> RunAsync(RemoteActorRefProvider provider, Stream stream, PipeReader reader, CancellationToken cancellationToken)
    {
        var helloFrame = await FrameIO.ReadFrameAsync(reader, HandshakeMessages.MaxFrameSize, cancellationToken).ConfigureAwait(false)
            ?? throw new HandshakeException("the peer closed the connection before saying hello");
        if (helloFrame.Type != FrameType.Hello) throw new HandshakeException($"the first frame is of type {(byte)helloFrame.Type}, not a hello");
        var hello = HandshakeMessages.ReadHello(helloFrame.Payload);
        if (hello.ExpectedServer.System != provider.System.Name)
            await RejectAsync(stream, $"this is actor system '{provider.System.Name}', not '{hello.ExpectedServer.System}'", cancellationToken).ConfigureAwait(false);
        if (provider.IsQuarantined(hello.Client, hello.ClientUid))
            await RejectAsync(stream, $"{hello.Client} incarnation {hello.ClientUid} is quarantined", cancellationToken).ConfigureAwait(false);

        var self = provider.Address;
        var serverNonce = HandshakeAuthenticator.NewNonce();
        var serverProof = provider.Authenticator.ServerProof(hello.Nonce, serverNonce, hello.Client, hello.ClientUid, self, provider.Uid);
        await FrameIO.WriteFrameAsync(stream, FrameType.Challenge, new HandshakeMessages.Challenge(self, provider.Uid, serverNonce, serverProof), HandshakeMessages.Write, cancellationToken).ConfigureAwait(false);

        var proofFrame = await FrameIO.ReadFrameAsync(reader, HandshakeMessages.MaxFrameSize, cancellationToken).ConfigureAwait(false)
            ?? throw new HandshakeException($"{hello.Client} closed the connection instead of proving the secret");
        if (proofFrame.Type == FrameType.Rejected)
            throw new HandshakeException($"{hello.Client} refused our proof: {Encoding.UTF8.GetString(proofFrame.Payload)}");
        var expectedProof = provider.Authenticator.ClientProof(hello.Nonce, serverNonce, hello.Client, hello.ClientUid, self, provider.Uid);
        if (proofFrame.Type != FrameType.Proof || !HandshakeAuthenticator.Matches(expectedProof, proofFrame.Payload))
            await RejectAsync(stream, $"authentication failed for {hello.Client} (actorproc.remote.secret differs)", cancellationToken).ConfigureAwait(false);

        await FrameIO.WriteEmptyFrameAsync(stream, FrameType.Accepted, cancellationToken).ConfigureAwait(false);
        return (hello.Client, hello.ClientUid, hello.ExpectedServer);
    }

    /// <summary>Tells the peer why, then fails the handshake.</summary>
    private static async Task RejectAsync(Stream stream, string reason, CancellationToken cancellationToken)
    {
        await TryRejectAsync(stream, reason, cancellationToken).ConfigureAwait(false);
        throw new HandshakeException(reason);
    }

    /// <summary>Best effort: the peer may already be gone.</summary>
    public static async Task TryRejectAsync(Stream stream, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await FrameIO.WriteFrameAsync(stream, FrameType.Rejected, reason, static (output, r) => output.Write(Encoding.UTF8.GetBytes(r)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // Nothing to do: the connection is closed next anyway.
        }
    }
}
