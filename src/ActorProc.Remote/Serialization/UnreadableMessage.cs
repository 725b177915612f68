namespace ActorProc.Remote.Serialization;

/// <summary>
/// Stands in a <see cref="ActorProc.Core.Events.DeadLetter"/> for a message that arrived from another node but
/// could not be deserialized (its manifest is not registered here, or its serializer failed). The connection
/// stays up; only this message is lost.
/// </summary>
/// <param name="SerializerId">The serializer id the sender used.</param>
/// <param name="Manifest">The manifest the sender used.</param>
/// <param name="Reason">Why it could not be read.</param>
public sealed record UnreadableMessage(int SerializerId, string Manifest, string Reason);
