using System.Buffers;
using ActorProc.Core.Actors;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Handshake;

/// <summary>
/// The handshake frames. Every connection starts with Hello (client) → Challenge (server) → Proof (client) →
/// Accepted (server); nothing else is accepted before. Both proofs are HMAC-SHA256 over both nonces and both
/// identities under the shared secret, so each side proves it knows the secret without sending it, and a proof
/// cannot be replayed on another connection (fresh nonces) or reflected (distinct labels).
/// </summary>
internal static class HandshakeMessages
{
    /// <summary>"APRM": lets the server reject non-ActorProc traffic at the first bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "APRM"u8;

    /// <summary>Version of the wire protocol; a peer with another one is rejected.</summary>
    public const byte Version = 1;

    public const int NonceSize = 32;

    /// <summary>Largest handshake frame: handshakes are tiny, so garbage announcing a big frame is cut off early.</summary>
    public const int MaxFrameSize = 4096;

    public sealed record Hello(Address Client, long ClientUid, Address ExpectedServer, byte[] Nonce);

    public sealed record Challenge(Address Server, long ServerUid, byte[] Nonce, byte[] Proof);

    public static void Write(IBufferWriter<byte> output, Hello hello)
    {
        output.Write(Magic);
        output.WriteByte(Version);
        output.WriteString(hello.Client.ToString());
        output.WriteInt64(hello.ClientUid);
        output.WriteString(hello.ExpectedServer.ToString());
        output.WriteBytes(hello.Nonce);
    }

    /// <exception cref="HandshakeException">Not an ActorProc hello, another version, or malformed.</exception>
    public static Hello ReadHello(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        try
        {
            if (reader.Remaining < Magic.Length + 1 || !reader.Take(Magic.Length).SequenceEqual(Magic))
                throw new HandshakeException("not an ActorProc remoting peer (bad magic)");
            var version = reader.ReadByte();
            if (version != Version) throw new HandshakeException($"protocol version {version} is not supported (this node speaks {Version})");
            return new Hello(ReadAddress(ref reader), reader.ReadInt64(), ReadAddress(ref reader), ReadNonce(ref reader));
        }
        catch (WireFormatException e)
        {
            throw new HandshakeException($"malformed hello: {e.Message}");
        }
    }

    public static void Write(IBufferWriter<byte> output, Challenge challenge)
    {
        output.WriteString(challenge.Server.ToString());
        output.WriteInt64(challenge.ServerUid);
        output.WriteBytes(challenge.Nonce);
        output.WriteBytes(challenge.Proof);
    }

    /// <exception cref="HandshakeException">Malformed.</exception>
    public static Challenge ReadChallenge(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        try
        {
            return new Challenge(ReadAddress(ref reader), reader.ReadInt64(), ReadNonce(ref reader), reader.ReadBytes().ToArray());
        }
        catch (WireFormatException e)
        {
            throw new HandshakeException($"malformed challenge: {e.Message}");
        }
    }

    private static Address ReadAddress(ref WireReader reader)
    {
        var text = reader.ReadString();
        if (!ActorPath.TryParse(text, out var path) || path.Depth != 0 || path.Address.Host is null)
            throw new HandshakeException($"'{text}' is not a network address");
        return path.Address;
    }

    private static byte[] ReadNonce(ref WireReader reader)
    {
        var nonce = reader.ReadBytes();
        return nonce.Length == NonceSize ? nonce.ToArray() : throw new HandshakeException($"nonce of {nonce.Length} bytes, expected {NonceSize}");
    }
}
