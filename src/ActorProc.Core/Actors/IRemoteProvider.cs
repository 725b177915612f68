namespace ActorProc.Core.Actors;

/// <summary>
/// The kernel's hook for a network transport (ActorProc.Remote): the kernel knows nothing about sockets,
/// it only asks the provider registered on the <see cref="ActorSystem"/> for what it cannot do locally —
/// selections on another node's address and children deployed to another node.
/// <para>
/// Concurrency contract: every member may be called from any thread (actor threads, the caller of
/// <c>ActorSelection</c>), so implementations are thread-safe.
/// </para>
/// </summary>
internal interface IRemoteProvider
{
    /// <summary>
    /// A selection for <paramref name="path"/>, whose address is not <see cref="ActorSystem.Address"/>: a remote
    /// selection, or a local one when the address is another name of this system (e.g. its local address).
    /// </summary>
    /// <exception cref="ArgumentException">The address cannot be reached (unsupported protocol).</exception>
    ActorSelection Select(ActorPath path, string pathString);

    /// <summary>
    /// Creates the child <paramref name="name"/> of <paramref name="parent"/> on the node named by
    /// <paramref name="scope"/>; the returned ref is supervised by <paramref name="parent"/> like a local child.
    /// Called after the name was reserved; must not block.
    /// </summary>
    /// <exception cref="ActorConfigurationException">The scope or the props cannot be deployed remotely.</exception>
    IInternalActorRef CreateRemoteChild(ActorCell parent, Props props, string name, Scope scope);

    /// <summary>Sends <paramref name="message"/> to every actor matching the remote selection's elements.</summary>
    void TellSelection(Address address, IReadOnlyList<string> elements, object message, IActorRef? sender);
}
