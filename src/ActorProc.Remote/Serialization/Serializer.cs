using System.Buffers;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// Turns registered message types into bytes and back. A serializer has a unique <see cref="Identifier"/>
/// (1–99 are reserved for ActorProc; use 100 and above) and reads a message back from its bytes and the
/// manifest it was registered with. Register a custom serializer for a type with
/// <see cref="SerializationRegistry.Register(Type, string, Serializer)"/>.
/// <para>
/// Concurrency contract: one instance serves every connection at once, so implementations must be
/// thread-safe (stateless is simplest).
/// </para>
/// </summary>
public abstract class Serializer
{
    /// <summary>The id written on the wire with every message this serializer encodes; unique per registry.</summary>
    public abstract int Identifier { get; }

    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/>.</summary>
    /// <exception cref="Exception">Any exception: the message goes to dead letters and the connection stays up.</exception>
    public abstract void ToBinary(object message, IBufferWriter<byte> output);

    /// <summary>Reads a message of the type registered under <paramref name="manifest"/> from <paramref name="bytes"/>.</summary>
    /// <exception cref="Exception">Any exception: the message goes to dead letters (logged) and the connection stays up.</exception>
    public abstract object FromBinary(ReadOnlySpan<byte> bytes, string manifest);
}
