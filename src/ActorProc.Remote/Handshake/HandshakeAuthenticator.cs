using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ActorProc.Core.Actors;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Handshake;

/// <summary>
/// Computes and checks the HMAC-SHA256 proofs of the handshake. The key is the shared secret; the proven data
/// binds a role label, both nonces, both addresses and both incarnation uids.
/// Concurrency contract: immutable after construction; thread-safe.
/// </summary>
internal sealed class HandshakeAuthenticator(string secret)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    /// <summary>Fresh random bytes for a nonce.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);

    public byte[] ServerProof(byte[] clientNonce, byte[] serverNonce, Address client, long clientUid, Address server, long serverUid) =>
        Compute("actorproc-server-v1", clientNonce, serverNonce, client, clientUid, server, serverUid);

    public byte[] ClientProof(byte[] clientNonce, byte[] serverNonce, Address client, long clientUid, Address server, long serverUid) =>
        Compute("actorproc-client-v1", clientNonce, serverNonce, client, clientUid, server, serverUid);

    /// <summary>Constant-time comparison, so the time taken reveals nothing about the expected proof.</summary>
    public static bool Matches(byte[] expected, ReadOnlySpan<byte> actual) => CryptographicOperations.FixedTimeEquals(expected, actual);

    private byte[] Compute(string label, byte[] clientNonce, byte[] serverNonce, Address client, long clientUid, Address server, long serverUid)
    {
        var data = new ArrayBufferWriter<byte>(256);
        data.WriteString(label);
        data.WriteBytes(clientNonce);
        data.WriteBytes(serverNonce);
        data.WriteString(client.ToString());
        data.WriteInt64(clientUid);
        data.WriteString(server.ToString());
        data.WriteInt64(serverUid);
        return HMACSHA256.HashData(_key, data.WrittenSpan);
    }
}
