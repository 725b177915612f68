using System.Buffers;
using ActorProc.Core.Actors;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// How serializers write actor refs and read them back: a ref travels as its full network path and
/// incarnation uid, and is resolved on arrival (a path of the receiving node → the local actor, any other →
/// a remote ref). Implemented by the remote provider.
/// </summary>
internal interface IActorRefCodec
{
    /// <summary>The path of <paramref name="actor"/> as other nodes address it (local addresses become this node's network address).</summary>
    string ToWirePath(IActorRef actor);

    /// <summary>The incarnation uid of <paramref name="actor"/>, 0 when it has none.</summary>
    long UidOf(IActorRef actor);

    /// <summary>The ref for a path and uid that arrived over the wire.</summary>
    /// <exception cref="WireFormatException">The path is malformed.</exception>
    IActorRef Resolve(string path, long uid);
}

/// <summary>Self-contained encoding of refs inside message payloads: presence flag, path, uid.</summary>
internal static class ActorRefWire
{
    public static void WriteRef(this IBufferWriter<byte> output, IActorRefCodec codec, IActorRef? actor)
    {
        if (actor is null)
        {
            output.WriteByte(0);
            return;
        }
        output.WriteByte(1);
        output.WriteString(codec.ToWirePath(actor));
        output.WriteInt64(codec.UidOf(actor));
    }

    public static IActorRef? ReadRef(this ref WireReader reader, IActorRefCodec codec) => reader.ReadByte() switch
    {
        0 => null,
        1 => codec.Resolve(reader.ReadString(), reader.ReadInt64()),
        var tag => throw new WireFormatException($"Unknown actor ref tag {tag}."),
    };

    public static IActorRef ReadRequiredRef(this ref WireReader reader, IActorRefCodec codec) =>
        reader.ReadRef(codec) ?? throw new WireFormatException("A required actor ref is missing.");
}
