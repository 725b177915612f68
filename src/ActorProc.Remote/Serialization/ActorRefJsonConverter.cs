using System.Text.Json;
using System.Text.Json.Serialization;
using ActorProc.Core.Actors;

namespace ActorProc.Remote.Serialization;

/// <summary>Writes an <see cref="IActorRef"/> as <c>"path#uid"</c> and resolves it on arrival, so refs inside JSON messages round-trip.</summary>
internal sealed class ActorRefJsonConverter(IActorRefCodec codec) : JsonConverter<IActorRef>
{
    public override IActorRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var text = reader.GetString() ?? throw new JsonException("An actor ref must be a string.");
        var hash = text.LastIndexOf('#');
        if (hash < 0 || !long.TryParse(text.AsSpan(hash + 1), out var uid))
            throw new JsonException($"'{text}' is not an actor ref (expected 'path#uid').");
        return codec.Resolve(text[..hash], uid);
    }

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(codec.ToWirePath(value) + "#" + codec.UidOf(value));

    public override bool HandleNull => false;
}
