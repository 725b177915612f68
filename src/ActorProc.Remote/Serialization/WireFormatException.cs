namespace ActorProc.Remote.Serialization;

/// <summary>Bytes received from the network do not follow the wire format (truncated, malformed or out of range).</summary>
public sealed class WireFormatException(string message) : FormatException(message);
