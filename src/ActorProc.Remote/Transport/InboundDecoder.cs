using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Remote.Deployment;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Decodes the message frames of one inbound connection (the mirror of <see cref="OutboundEncoder"/>, with the
/// same tables) and delivers them locally, in arrival order. A malformed frame header breaks the protocol and
/// throws <see cref="WireFormatException"/> (the connection is closed); a payload that cannot be deserialized
/// only sends that message to dead letters.
/// Concurrency contract: owned by the connection's reader loop; not thread-safe.
/// </summary>
internal sealed class InboundDecoder(RemoteActorRefProvider provider, InboundSystemSequence systemSequence)
{
    private const int MaxSelectionElements = 256;

    private readonly List<IActorRef> _refs = [];
    private readonly List<(SerializerBinding? Binding, int Id, string Manifest)> _bindings = [];

    /// <summary>True when system messages arrived since the last <see cref="TakeSystemAck"/>: the sender waits for an ack.</summary>
    private bool _systemAckDue;

    /// <summary>The sequence number to acknowledge, when an ack is due (then resets the flag).</summary>
    public long? TakeSystemAck()
    {
        if (!_systemAckDue) return null;
        _systemAckDue = false;
        return systemSequence.Last;
    }

    /// <summary>
    /// Decodes one frame and, when <paramref name="deliver"/>, delivers it. With <paramref name="deliver"/> false
    /// (traffic blackholed by fault injection) the frame's header is still read, so the ref and binding tables stay
    /// in step with the sender, but nothing is delivered or acknowledged.
    /// </summary>
    /// <exception cref="WireFormatException">The frame is malformed or of a type not allowed after the handshake.</exception>
    public void Handle(FrameType type, ReadOnlySpan<byte> payload, bool deliver = true)
    {
        var reader = new WireReader(payload);
        switch (type)
        {
            case FrameType.Message:
            {
                var recipient = ReadRef(ref reader) ?? throw new WireFormatException("A message frame has no recipient.");
                var sender = ReadRef(ref reader);
                var binding = ReadBinding(ref reader);
                if (deliver && TryDeserialize(binding, reader.Rest, recipient, sender) is { } message) provider.DeliverLocal(recipient, message, sender);
                break;
            }
            case FrameType.SystemMessage:
            {
                var seq = (long)reader.ReadVarUInt();
                // The ref and binding tokens must be read even for a skipped frame: they may extend the tables.
                var recipient = ReadRef(ref reader) ?? throw new WireFormatException("A system message frame has no recipient.");
                var binding = ReadBinding(ref reader);
                if (!deliver) break;
                _systemAckDue = true;
                if (!systemSequence.TryAccept(seq)) break; // a duplicate (resend) or after a gap (the resend repairs it)
                var message = TryDeserialize(binding, reader.Rest, recipient, null);
                if (message is SystemMessage system) provider.DeliverSystem(recipient, system);
                else if (message is not null) provider.DeadLetter(message, null, recipient, "not a system message");
                break;
            }
            case FrameType.Selection:
            {
                var sender = ReadRef(ref reader);
                var elements = new string[reader.ReadLength(MaxSelectionElements)];
                for (var i = 0; i < elements.Length; i++) elements[i] = reader.ReadString();
                var binding = ReadBinding(ref reader);
                if (deliver && TryDeserialize(binding, reader.Rest, provider.System.DeadLetters, sender) is { } message) provider.DeliverSelection(elements, message, sender);
                break;
            }
            case FrameType.Deploy:
            {
                // Deployments are numbered with the system messages: the child's supervision depends on them arriving.
                var seq = (long)reader.ReadVarUInt();
                var binding = ReadBinding(ref reader);
                if (!deliver) break;
                _systemAckDue = true;
                if (!systemSequence.TryAccept(seq)) break;
                if (TryDeserialize(binding, reader.Rest, provider.System.DeadLetters, null) is DeployRequest request) provider.Deployments.Deploy(request);
                break;
            }
            default:
                throw new WireFormatException($"Frame type {(byte)type} is not allowed after the handshake.");
        }
    }

    private IActorRef? ReadRef(ref WireReader reader)
    {
        var token = reader.ReadVarUInt();
        switch (token)
        {
            case 0:
                return null;
            case 1:
            case 2:
                var actor = provider.Resolve(reader.ReadString(), reader.ReadInt64());
                if (token == 1)
                {
                    if (_refs.Count >= OutboundEncoder.MaxTableSize) throw new WireFormatException("The peer overflowed the ref table.");
                    _refs.Add(actor);
                }
                return actor;
            default:
                var index = token - 3;
                return index < (ulong)_refs.Count ? _refs[(int)index] : throw new WireFormatException($"Unknown ref index {index}.");
        }
    }

    private (SerializerBinding? Binding, int Id, string Manifest) ReadBinding(ref WireReader reader)
    {
        var token = reader.ReadVarUInt();
        if (token == 0)
        {
            if (_bindings.Count >= OutboundEncoder.MaxTableSize) throw new WireFormatException("The peer overflowed the binding table.");
            var id = reader.ReadLength(int.MaxValue);
            var manifest = reader.ReadString();
            var entry = (provider.Serialization.FindBinding(id, manifest), id, manifest);
            _bindings.Add(entry);
            return entry;
        }
        var index = token - 1;
        return index < (ulong)_bindings.Count ? _bindings[(int)index] : throw new WireFormatException($"Unknown binding index {index}.");
    }

    private object? TryDeserialize((SerializerBinding? Binding, int Id, string Manifest) entry, ReadOnlySpan<byte> body, IActorRef recipient, IActorRef? sender)
    {
        string reason;
        if (entry.Binding is null)
        {
            reason = "no type is registered for it here";
        }
        else
        {
            try
            {
                return entry.Binding.Serializer.FromBinary(body, entry.Manifest);
            }
            catch (Exception e)
            {
                reason = $"its serializer failed: {e.Message}";
            }
        }
        provider.Log.Warning("Dropped a message from the network for {0} (serializer {1}, manifest '{2}'): {3}", recipient, entry.Id, entry.Manifest, reason);
        provider.DeadLetter(new UnreadableMessage(entry.Id, entry.Manifest, reason), sender, recipient, reason);
        return null;
    }
}
