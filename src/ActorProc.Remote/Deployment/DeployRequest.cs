using System.Buffers;
using ActorProc.Core.Actors;
using ActorProc.Remote.Serialization;

namespace ActorProc.Remote.Deployment;

/// <summary>
/// Sent by the node of a parent to the node named by a <see cref="RemoteScope"/>: create an actor of the allowed
/// type <paramref name="ActorTypeManifest"/> at <paramref name="PathElements"/> (below <c>/remote</c>), whose
/// parent — and supervisor — is <paramref name="Parent"/> on the sending node.
/// </summary>
internal sealed record DeployRequest(string ActorTypeManifest, string? Dispatcher, string? Mailbox, IReadOnlyList<string> PathElements, IActorRef Parent)
{
    /// <summary>Most path elements accepted, so a hostile request cannot make a huge path.</summary>
    private const int MaxElements = 64;

    public void Write(IBufferWriter<byte> output, IActorRefCodec codec)
    {
        output.WriteString(ActorTypeManifest);
        output.WriteString(Dispatcher ?? "");
        output.WriteString(Mailbox ?? "");
        output.WriteVarUInt((ulong)PathElements.Count);
        foreach (var element in PathElements) output.WriteString(element);
        output.WriteRef(codec, Parent);
    }

    public static DeployRequest Read(ref WireReader reader, IActorRefCodec codec)
    {
        var manifest = reader.ReadString();
        var dispatcher = reader.ReadString();
        var mailbox = reader.ReadString();
        var elements = new string[reader.ReadLength(MaxElements)];
        for (var i = 0; i < elements.Length; i++) elements[i] = reader.ReadString();
        var parent = reader.ReadRequiredRef(codec);
        return new DeployRequest(manifest, dispatcher.Length == 0 ? null : dispatcher, mailbox.Length == 0 ? null : mailbox, elements, parent);
    }
}
