namespace ActorProc.Remote.Handshake;

/// <summary>A peer failed the handshake (wrong secret, wrong system, malformed or slow); the connection is closed.</summary>
internal sealed class HandshakeException(string message) : Exception(message);
