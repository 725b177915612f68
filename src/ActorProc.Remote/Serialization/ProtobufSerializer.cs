using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// Serializer id 3: Google.Protobuf messages in their own binary format. Only types registered with
/// <see cref="SerializationRegistry.RegisterProtobuf{T}"/> (or bound in config) are parsed; the manifest is the
/// message's full protobuf name unless another one was given.
/// Concurrency contract: parsers are added at registration (any thread) and read by every connection at once;
/// the concurrent map makes that safe, and generated parsers are themselves thread-safe.
/// </summary>
internal sealed class ProtobufSerializer : Serializer
{
    public const int Id = 3;

    /// <summary>Parsers by manifest; filled by registration only, never from the wire.</summary>
    private readonly ConcurrentDictionary<string, MessageParser> _parsers = new(StringComparer.Ordinal);

    public override int Identifier => Id;

    /// <summary>Registers <paramref name="type"/> (an <see cref="IMessage"/> with a static <c>Parser</c>) under <paramref name="manifest"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a generated protobuf message.</exception>
    public void Add(Type type, string manifest)
    {
        var parser = type.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
            ?? throw new ArgumentException($"{type} is not a generated Google.Protobuf message (it has no static Parser property).", nameof(type));
        _parsers[manifest] = parser;
    }

    /// <summary>The protobuf full name of a generated message type, used as its default manifest.</summary>
    public static string DefaultManifest(Type type)
    {
        var descriptor = type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Google.Protobuf.Reflection.MessageDescriptor;
        return descriptor?.FullName ?? type.FullName ?? type.Name;
    }

    public override void ToBinary(object message, IBufferWriter<byte> output) => ((IMessage)message).WriteTo(output);

    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest) =>
        _parsers.TryGetValue(manifest, out var parser)
            ? parser.ParseFrom(bytes)
            : throw new WireFormatException($"No protobuf message is registered under manifest '{manifest}'.");
}
