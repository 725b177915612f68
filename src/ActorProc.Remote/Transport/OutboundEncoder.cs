using ActorProc.Core.Actors;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Encodes envelopes into frames for one connection. Refs and serializer bindings that recur are sent in full
/// once and then as a small index into a table both ends build in the same order (the stream is ordered and
/// lossless while the connection lives, and the tables die with it). Temporary refs (Ask promises) are never
/// put in the table, and the table is capped, so it cannot grow without bound.
/// <para>
/// Ref token (varint): 0 = none, 1 = literal and assign the next index, 2 = literal only, n ≥ 3 = index n − 3.
/// Binding token (varint): 0 = literal (serializer id, manifest) and assign the next index, n ≥ 1 = index n − 1.
/// </para>
/// Concurrency contract: owned by the connection's writer loop; not thread-safe.
/// </summary>
internal sealed class OutboundEncoder(RemoteActorRefProvider provider, long maxFrameSize)
{
    /// <summary>Most refs (and bindings) remembered per connection.</summary>
    public const int MaxTableSize = 4096;

    private readonly Dictionary<IActorRef, int> _refs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SerializerBinding, int> _bindings = new(ReferenceEqualityComparer.Instance);
    private readonly List<(IActorRef Ref, int Index)> _pendingRefs = [];
    private (SerializerBinding Binding, int Index)? _pendingBinding;
    private Type? _lastType;
    private SerializerBinding? _lastBinding;
    private int _nextRef;
    private int _nextBinding;

    /// <summary>
    /// Appends the frame of <paramref name="envelope"/> to <paramref name="buffer"/> (a system message carries its
    /// sequence number <paramref name="systemSeq"/>). A message whose type is not registered, whose serializer
    /// throws, or whose frame is too big goes to dead letters (logged), nothing is appended and false is returned;
    /// the tables are left as they were, so both ends stay in step.
    /// </summary>
    public bool Encode(FrameBuffer buffer, in OutboundEnvelope envelope, long systemSeq = 0)
    {
        var message = envelope.Kind == FrameType.Selection ? ((SelectionPayload)envelope.Message).Message : envelope.Message;
        // Streams are usually runs of one message type: remember the last lookup.
        var type = message.GetType();
        var binding = type == _lastType ? _lastBinding : provider.Serialization.FindBinding(type);
        if (binding is not null)
        {
            _lastType = type;
            _lastBinding = binding;
        }
        if (binding is null)
        {
            provider.DropOutbound(envelope, $"{message.GetType()} is not registered for remoting (Remoting.Serialization.Register or actorproc.remote.serialization.bindings)");
            return false;
        }
        var start = buffer.BeginFrame(envelope.Kind);
        var savedRef = _nextRef;
        var savedBinding = _nextBinding;
        try
        {
            switch (envelope.Kind)
            {
                case FrameType.Message:
                    WriteRef(buffer, envelope.Recipient);
                    WriteRef(buffer, envelope.Sender);
                    break;
                case FrameType.SystemMessage:
                    buffer.WriteVarUInt((ulong)systemSeq);
                    WriteRef(buffer, envelope.Recipient);
                    break;
                case FrameType.Deploy:
                    buffer.WriteVarUInt((ulong)systemSeq);
                    break;
                case FrameType.Selection:
                    WriteRef(buffer, envelope.Sender);
                    var elements = ((SelectionPayload)envelope.Message).Elements;
                    buffer.WriteVarUInt((ulong)elements.Count);
                    foreach (var element in elements) buffer.WriteString(element);
                    break;
            }
            WriteBinding(buffer, binding);
            binding.Serializer.ToBinary(message, buffer);
            var size = buffer.EndFrame(start) - FrameBuffer.HeaderSize;
            if (size > maxFrameSize)
                throw new InvalidOperationException($"its frame of {size} bytes exceeds actorproc.remote.maximum-frame-size ({maxFrameSize})");
            Commit();
            return true;
        }
        catch (Exception e)
        {
            buffer.Truncate(start);
            Rollback(savedRef, savedBinding);
            provider.DropOutbound(envelope, $"it could not be serialized: {e.Message}");
            return false;
        }
    }

    private void WriteRef(FrameBuffer buffer, IActorRef? actor)
    {
        if (actor is null)
        {
            buffer.WriteVarUInt(0);
            return;
        }
        if (_refs.TryGetValue(actor, out var index))
        {
            buffer.WriteVarUInt((ulong)index + 3);
            return;
        }
        var cache = _nextRef < MaxTableSize && !provider.IsTemporary(actor);
        buffer.WriteVarUInt(cache ? 1UL : 2UL);
        buffer.WriteString(provider.ToWirePath(actor));
        buffer.WriteInt64(provider.UidOf(actor));
        if (cache) _pendingRefs.Add((actor, _nextRef++));
    }

    private void WriteBinding(FrameBuffer buffer, SerializerBinding binding)
    {
        if (_bindings.TryGetValue(binding, out var index))
        {
            buffer.WriteVarUInt((ulong)index + 1);
            return;
        }
        if (_nextBinding >= MaxTableSize) throw new InvalidOperationException("too many distinct message types on one connection");
        buffer.WriteVarUInt(0);
        buffer.WriteVarUInt((ulong)binding.Serializer.Identifier);
        buffer.WriteString(binding.Manifest);
        _pendingBinding = (binding, _nextBinding++);
    }

    private void Commit()
    {
        foreach (var (actor, index) in _pendingRefs) _refs[actor] = index;
        _pendingRefs.Clear();
        if (_pendingBinding is { } pending) _bindings[pending.Binding] = pending.Index;
        _pendingBinding = null;
    }

    private void Rollback(int savedRef, int savedBinding)
    {
        _pendingRefs.Clear();
        _pendingBinding = null;
        _nextRef = savedRef;
        _nextBinding = savedBinding;
    }
}
