using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using ActorProc.Core.Actors;
using Google.Protobuf;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// The message types that may cross the wire, each bound to a serializer and a manifest. Outgoing messages of an
/// unregistered type go to dead letters; incoming bytes are only ever read as a type registered here under the
/// (serializer id, manifest) pair that arrived — a type name from the wire is never loaded.
/// <para>
/// Built in: strings, byte arrays and primitives (id 1), actor refs and system messages (id 2). Register your own
/// types in code (<see cref="Register{T}(string)"/>: Google.Protobuf messages use protobuf, anything else JSON) or
/// in HOCON (<c>actorproc.remote.serialization.bindings</c>). Both nodes must register the same manifests.
/// </para>
/// <para>Concurrency contract: registration and lookups are thread-safe and may happen while messages flow.</para>
/// </summary>
public sealed class SerializationRegistry
{
    private readonly ConcurrentDictionary<Type, SerializerBinding> _byType = new();
    private readonly ConcurrentDictionary<(int Id, string Manifest), SerializerBinding> _byWire = new();
    private readonly ConcurrentDictionary<int, Serializer> _serializers = new();
    private readonly ProtobufSerializer _protobuf = new();
    private readonly JsonMessageSerializer _json;
    private readonly SerializerBinding _actorRefBinding;

    internal SerializationRegistry(IActorRefCodec codec)
    {
        _json = new JsonMessageSerializer(codec);
        var primitives = new PrimitiveSerializer();
        var builtin = new BuiltinSerializer(codec, this);
        foreach (var (type, manifest) in PrimitiveSerializer.Bindings) Bind(type, primitives, manifest);
        foreach (var (type, manifest) in BuiltinSerializer.Bindings) Bind(type, builtin, manifest);
        _serializers[_protobuf.Identifier] = _protobuf;
        _serializers[_json.Identifier] = _json;
        _actorRefBinding = _byType[typeof(IActorRef)];
    }

    /// <summary>
    /// Registers <typeparamref name="T"/> under <paramref name="manifest"/>: a Google.Protobuf message uses the
    /// protobuf serializer, any other type System.Text.Json (refs inside it round-trip).
    /// </summary>
    /// <exception cref="ArgumentException">The manifest is empty or already bound to another type.</exception>
    public void Register<T>(string manifest) => Register(typeof(T), manifest);

    /// <summary>Registers <paramref name="type"/> under <paramref name="manifest"/> (protobuf for Google.Protobuf messages, JSON otherwise).</summary>
    /// <exception cref="ArgumentException">The manifest is empty or already bound to another type.</exception>
    public void Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (typeof(IMessage).IsAssignableFrom(type))
        {
            CheckFree(type, _protobuf, manifest);
            _protobuf.Add(type, manifest);
            Bind(type, _protobuf, manifest);
        }
        else
        {
            CheckFree(type, _json, manifest);
            _json.Add(type, manifest, null);
            Bind(type, _json, manifest);
        }
    }

    /// <summary>Registers a JSON message type with source-generated metadata (no reflection at run time).</summary>
    /// <exception cref="ArgumentException">The manifest is empty or already bound to another type.</exception>
    public void Register<T>(string manifest, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        CheckFree(typeof(T), _json, manifest);
        _json.Add(typeof(T), manifest, typeInfo);
        Bind(typeof(T), _json, manifest);
    }

    /// <summary>Registers a generated Google.Protobuf message under its full protobuf name (e.g. <c>my.pkg.Order</c>).</summary>
    /// <exception cref="ArgumentException">The name is already bound to another type.</exception>
    public void RegisterProtobuf<T>() where T : IMessage<T> => Register(typeof(T), ProtobufSerializer.DefaultManifest(typeof(T)));

    /// <summary>Registers <paramref name="type"/> with a custom <paramref name="serializer"/> (its id must be 100 or above).</summary>
    /// <exception cref="ArgumentException">The id is reserved or used by another serializer instance, or the manifest is taken.</exception>
    public void Register(Type type, string manifest, Serializer serializer)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (serializer.Identifier < 100)
            throw new ArgumentException($"Serializer ids below 100 are reserved; {serializer.GetType().Name} has {serializer.Identifier}.", nameof(serializer));
        var existing = _serializers.GetOrAdd(serializer.Identifier, serializer);
        if (!ReferenceEquals(existing, serializer))
            throw new ArgumentException($"Serializer id {serializer.Identifier} is already used by {existing.GetType().Name}.", nameof(serializer));
        CheckFree(type, serializer, manifest);
        Bind(type, serializer, manifest);
    }

    /// <summary>True when messages of exactly <paramref name="type"/> can be sent.</summary>
    public bool IsRegistered(Type type) => FindBinding(type) is not null;

    /// <summary>The binding for an outgoing message of <paramref name="type"/>; refs of any implementation use the ref binding.</summary>
    internal SerializerBinding? FindBinding(Type type)
    {
        if (_byType.TryGetValue(type, out var binding)) return binding;
        return typeof(IActorRef).IsAssignableFrom(type) ? _actorRefBinding : null;
    }

    /// <summary>The binding registered for what arrived on the wire, or null when nothing is.</summary>
    internal SerializerBinding? FindBinding(int serializerId, string manifest) =>
        _byWire.TryGetValue((serializerId, manifest), out var binding) ? binding : null;

    /// <summary>Writes an optional nested value (presence, serializer id, manifest, length-prefixed bytes).</summary>
    /// <exception cref="ArgumentException">The value's type is not registered.</exception>
    internal void WriteNested(IBufferWriter<byte> output, object? value)
    {
        if (value is null)
        {
            output.WriteByte(0);
            return;
        }
        var binding = FindBinding(value.GetType()) ?? throw new ArgumentException($"{value.GetType()} is not registered for remoting.");
        var inner = new ArrayBufferWriter<byte>();
        binding.Serializer.ToBinary(value, inner);
        output.WriteByte(1);
        output.WriteVarUInt((ulong)binding.Serializer.Identifier);
        output.WriteString(binding.Manifest);
        output.WriteBytes(inner.WrittenSpan);
    }

    /// <summary>Reads a value written by <see cref="WriteNested"/>.</summary>
    /// <exception cref="WireFormatException">Malformed, or its manifest is not registered.</exception>
    internal object? ReadNested(ref WireReader reader)
    {
        if (reader.ReadByte() == 0) return null;
        var id = reader.ReadLength(int.MaxValue);
        var manifest = reader.ReadString();
        var bytes = reader.ReadBytes();
        var binding = FindBinding(id, manifest) ?? throw new WireFormatException($"No type is registered for serializer {id}, manifest '{manifest}'.");
        return binding.Serializer.FromBinary(bytes, manifest);
    }

    private void CheckFree(Type type, Serializer serializer, string manifest)
    {
        if (_byWire.TryGetValue((serializer.Identifier, manifest), out var taken) && taken.Type != type)
            throw new ArgumentException($"Manifest '{manifest}' of serializer {serializer.Identifier} is already bound to {taken.Type}; cannot bind {type}.", nameof(manifest));
    }

    private void Bind(Type type, Serializer serializer, string manifest)
    {
        var binding = new SerializerBinding(type, serializer, manifest);
        _byWire[(serializer.Identifier, manifest)] = binding;
        _byType[type] = binding;
        _serializers.TryAdd(serializer.Identifier, serializer);
    }
}
