using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote;

internal sealed partial class RemoteActorRefProvider
{
    public ActorSelection Select(ActorPath path, string pathString)
    {
        var address = path.Address;
        if (address == System.LocalAddress || address == Address) return ActorSelection.CreateLocal(System, path.Elements, pathString);
        if (address.Host is null || address.Protocol != Protocol)
            throw new ArgumentException($"'{pathString}' names actor system {address}, which cannot be reached over the network (expected {Protocol}://system@host:port).", nameof(pathString));
        return ActorSelection.CreateRemote(System, address, path.Elements, pathString);
    }

    public void TellSelection(Address address, IReadOnlyList<string> elements, object message, IActorRef? sender)
    {
        var root = new RemoteActorRef(this, ActorPath.Root(address), 0);
        AssociationFor(address).Send(new OutboundEnvelope(FrameType.Selection, root, new SelectionPayload(elements, message), sender));
    }

    /// <summary>Delivers a user message that arrived over the network (reader thread).</summary>
    public void DeliverLocal(IActorRef recipient, object message, IActorRef? sender)
    {
        // Messages are not relayed: a frame addressed to a third node is a confused or hostile peer.
        if (recipient is RemoteActorRef) DeadLetter(message, sender, recipient, "addressed to another node");
        else recipient.Tell(message, sender);
    }

    /// <summary>Delivers a system message that arrived over the network (reader thread).</summary>
    public void DeliverSystem(IActorRef recipient, SystemMessage message)
    {
        if (recipient is not IInternalActorRef target || recipient is RemoteActorRef)
        {
            DeadLetter(message, null, recipient, "system message addressed to another node");
            return;
        }
        if (message is DeathWatchNotification notification)
        {
            Watcher.WatcheeTerminated(notification.Actor, recipient);
            if (notification.Actor is RemoteActorRef { IsDeployedChild: true } child) _deployedChildren.TryRemove(child.Path.ToString(), out _);
        }
        target.SendSystemMessage(message);
    }

    /// <summary>Delivers a message for a selection resolved here (reader thread).</summary>
    public void DeliverSelection(IReadOnlyList<string> elements, object message, IActorRef? sender) =>
        ActorSelection.CreateLocal(System, elements, "/" + string.Join('/', elements)).Tell(message, sender);
}
