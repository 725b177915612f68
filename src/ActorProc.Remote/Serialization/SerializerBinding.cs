namespace ActorProc.Remote.Serialization;

/// <summary>A registered message type: the serializer that encodes it and the manifest written with it.</summary>
internal sealed class SerializerBinding(Type type, Serializer serializer, string manifest)
{
    public Type Type { get; } = type;
    public Serializer Serializer { get; } = serializer;
    public string Manifest { get; } = manifest;
}
