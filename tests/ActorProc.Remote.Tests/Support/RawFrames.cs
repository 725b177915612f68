using System.Buffers;
using System.Buffers.Binary;
using ActorProc.Core.Actors;
using ActorProc.Remote.Handshake;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Support;

/// <summary>Speaks the wire protocol by hand, to play a misbehaving peer.</summary>
internal static class RawFrames
{
    public static async Task SendAsync(Stream stream, byte type, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length + 1);
        frame[4] = type;
        payload.CopyTo(frame, 5);
        await stream.WriteAsync(frame);
    }

    public static async Task SendHelloAsync(Stream stream, Address server)
    {
        var payload = new ArrayBufferWriter<byte>();
        var client = new Address("actorproc.tcp", server.System, "127.0.0.1", 1);
        HandshakeMessages.Write(payload, new HandshakeMessages.Hello(client, 12345, server, HandshakeAuthenticator.NewNonce()));
        await SendAsync(stream, (byte)FrameType.Hello, payload.WrittenSpan.ToArray());
    }

    public static async Task<(byte Type, byte[] Payload)> ReadFrameAsync(Stream stream)
    {
        var header = new byte[4];
        await stream.ReadExactlyAsync(header);
        var body = new byte[BinaryPrimitives.ReadInt32LittleEndian(header)];
        await stream.ReadExactlyAsync(body);
        return (body[0], body[1..]);
    }
}
