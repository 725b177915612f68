namespace ActorProc.Remote.Transport;

/// <summary>
/// The kind of a frame, its first byte after the 4-byte length. Handshake frames come first on every
/// connection; the others are accepted only after the handshake succeeded.
/// </summary>
internal enum FrameType : byte
{
    /// <summary>Client → server: magic, version, client identity, expected server, client nonce.</summary>
    Hello = 1,
    /// <summary>Server → client: server identity, server nonce, server proof.</summary>
    Challenge = 2,
    /// <summary>Client → server: client proof.</summary>
    Proof = 3,
    /// <summary>Server → client: the handshake succeeded; messages may flow.</summary>
    Accepted = 4,
    /// <summary>Either side: the handshake failed (with a reason), then the connection closes.</summary>
    Rejected = 5,

    /// <summary>A user message: recipient, sender, serializer binding, payload.</summary>
    Message = 10,
    /// <summary>A system message (watch, death notification, supervision): sequence number, recipient, binding, payload.</summary>
    SystemMessage = 11,
    /// <summary>A message for an actor selection resolved on the receiving node.</summary>
    Selection = 12,
    /// <summary>A remote deployment request (numbered like system messages), handled before the frames that follow it.</summary>
    Deploy = 13,

    /// <summary>Server → client: every system message up to this sequence number was delivered (cumulative ack).</summary>
    SystemAck = 14,

    /// <summary>Client → server: are you alive?</summary>
    Heartbeat = 20,
    /// <summary>Server → client: yes (with the server's incarnation uid).</summary>
    HeartbeatAck = 21,
}
