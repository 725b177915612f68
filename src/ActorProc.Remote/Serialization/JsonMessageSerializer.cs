using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// Serializer id 4: registered records and classes as UTF-8 JSON (System.Text.Json). Actor refs inside them
/// travel as <c>"path#uid"</c> strings and are resolved on arrival. A type registered with a source-generated
/// <see cref="JsonTypeInfo"/> uses it (no reflection); others use reflection-based metadata. Only registered
/// manifests are read.
/// Concurrency contract: registrations go into concurrent maps; the options are built once in the constructor
/// and System.Text.Json caches their metadata thread-safely, so every connection may serialize at once.
/// </summary>
internal sealed class JsonMessageSerializer : Serializer
{
    public const int Id = 4;

    private readonly JsonSerializerOptions _options;

    /// <summary>Types (and optional source-generated metadata) by manifest; filled by registration only.</summary>
    private readonly ConcurrentDictionary<string, (Type Type, JsonTypeInfo? Info)> _byManifest = new(StringComparer.Ordinal);

    /// <summary>Source-generated metadata by type, for writing.</summary>
    private readonly ConcurrentDictionary<Type, JsonTypeInfo> _infoByType = new();

    public JsonMessageSerializer(IActorRefCodec codec)
    {
        _options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            IncludeFields = true,
        };
        _options.Converters.Add(new ActorRefJsonConverter(codec));
    }

    public override int Identifier => Id;

    public void Add(Type type, string manifest, JsonTypeInfo? info)
    {
        _byManifest[manifest] = (type, info);
        if (info is not null) _infoByType[type] = info;
    }

    public override void ToBinary(object message, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        if (_infoByType.TryGetValue(message.GetType(), out var info)) JsonSerializer.Serialize(writer, message, info);
        else JsonSerializer.Serialize(writer, message, message.GetType(), _options);
    }

    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest)
    {
        if (!_byManifest.TryGetValue(manifest, out var entry))
            throw new WireFormatException($"No JSON message type is registered under manifest '{manifest}'.");
        var result = entry.Info is not null ? JsonSerializer.Deserialize(bytes, entry.Info) : JsonSerializer.Deserialize(bytes, entry.Type, _options);
        return result ?? throw new WireFormatException($"The JSON of manifest '{manifest}' is null.");
    }
}
