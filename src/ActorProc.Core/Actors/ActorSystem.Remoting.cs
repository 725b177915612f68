namespace ActorProc.Core.Actors;

public sealed partial class ActorSystem
{
    private IRemoteProvider? _remoteProvider;

    /// <summary>The network transport, once ActorProc.Remote was started on this system; null otherwise.</summary>
    internal IRemoteProvider? RemoteProvider => Volatile.Read(ref _remoteProvider);

    /// <summary>The address the system was created with (<c>actorproc://name</c>); the paths of its actors carry it.</summary>
    internal Address LocalAddress => _rootCell.Self.Path.Address;

    /// <summary>
    /// Registers the network transport and the address it listens on. Local actor paths keep
    /// <see cref="LocalAddress"/>; the transport rewrites it to <paramref name="address"/> when a ref leaves the process.
    /// </summary>
    /// <exception cref="InvalidOperationException">A provider is already registered.</exception>
    internal void RegisterRemoteProvider(IRemoteProvider provider, Address address)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(address);
        if (Interlocked.CompareExchange(ref _remoteProvider, provider, null) is not null)
            throw new InvalidOperationException($"Remoting is already started on actor system '{Name}'.");
        Address = address;
    }

    /// <summary>
    /// The local ref at <paramref name="elements"/> below the root (walking the children), or null when no
    /// actor is there. Used by the transport to deliver to a path that arrived over the network. Unlike a
    /// selection it also finds actors that are stopping: they must still get system messages (e.g. the death
    /// notification of a remote child they wait for).
    /// </summary>
    internal LocalActorRef? FindLocal(IReadOnlyList<string> elements)
    {
        var cell = _rootCell;
        foreach (var element in elements)
        {
            var child = cell.Child(element) as LocalActorRef
                ?? cell.AllChildStats.Select(s => s.Child).OfType<LocalActorRef>().FirstOrDefault(c => c.Path.Name == element);
            if (child is null) return null;
            cell = child.Cell;
        }
        return cell.Self;
    }
}
