using System.Collections.Concurrent;
using System.Reflection;
using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Core.Configuration;

namespace ActorProc.Remote.Deployment;

/// <summary>
/// The receiving side of remote deployment: creates actors that other nodes deploy here (only of allowed types),
/// at paths below <c>/remote</c>, with the remote parent as their parent — so their failures and death go to the
/// parent's node, which supervises them. Such actors are outside the local guardian tree; this host finds them by
/// path, forgets them when they stop, and stops them when their parent's node is gone or remoting shuts down.
/// <para>
/// Concurrency contract: <see cref="Deploy"/> runs on a connection's reader (before the frames that follow the
/// request, so the first messages find the actor); lookups from any reader; all state in concurrent maps.
/// </para>
/// </summary>
internal sealed class DeploymentHost
{
    private readonly RemoteActorRefProvider _provider;
    private readonly ConcurrentDictionary<string, Props> _allowed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalActorRef> _deployed = new(StringComparer.Ordinal);
    private IActorRef? _tracker;

    public DeploymentHost(RemoteActorRefProvider provider)
    {
        _provider = provider;
        foreach (var (manifest, typeName) in provider.Settings.DeployableActorTypes)
        {
            var type = Type.GetType(typeName, throwOnError: false)
                ?? throw new ConfigurationException($"actorproc.remote.deployment.allowed-actor-types.\"{manifest}\": type '{typeName}' cannot be loaded");
            Allow(type, manifest);
        }
    }

    /// <summary>Starts the actor that forgets deployed actors when they stop.</summary>
    public void Start() => _tracker = _provider.System.SystemActorOf(Props.Create(() => new DeploymentTracker(this)), "remote-deployments");

    /// <summary>Allows other nodes to deploy <paramref name="actorType"/> here under <paramref name="manifest"/>.</summary>
    /// <exception cref="ArgumentException">The type is not an actor with a public parameterless constructor.</exception>
    public void Allow(Type actorType, string manifest)
    {
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract || actorType.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{actorType} cannot be deployed remotely: it must be a concrete actor with a public parameterless constructor.", nameof(actorType));
        var create = typeof(Props).GetMethod(nameof(Props.Create), BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!.MakeGenericMethod(actorType);
        _allowed[manifest] = (Props)create.Invoke(null, null)!;
        ManifestByType[actorType] = manifest;
    }

    /// <summary>The manifest a local actor type is deployed under (the one it is allowed under here, else "Type, Assembly").</summary>
    public ConcurrentDictionary<Type, string> ManifestByType { get; } = new();

    public string ManifestFor(Type actorType) =>
        ManifestByType.TryGetValue(actorType, out var manifest) ? manifest : $"{actorType.FullName}, {actorType.Assembly.GetName().Name}";

    /// <summary>The deployed actor at <paramref name="elements"/> (below the root), if any.</summary>
    public LocalActorRef? Find(IReadOnlyList<string> elements) =>
        _deployed.TryGetValue(string.Join('/', elements), out var actor) ? actor : null;

    /// <summary>Creates the requested actor, or tells the parent at once that it does not exist.</summary>
    public void Deploy(DeployRequest request)
    {
        var path = ActorPath.Root(_provider.System.LocalAddress).Descendant(request.PathElements);
        var key = string.Join('/', request.PathElements);
        if (request.Parent is not IInternalActorRef parent)
        {
            _provider.Log.Warning("Ignored deployment of {0}: its parent {1} is not a remote actor", path, request.Parent);
            return;
        }
        var problem = Validate(request, out var props);
        if (problem is not null || _deployed.ContainsKey(key))
        {
            _provider.Log.Warning("Refused to deploy {0} for {1}: {2}", path, request.Parent, problem ?? "an actor already lives at that path");
            parent.SendSystemMessage(new DeathWatchNotification(new MissingActorRef(_provider.System, path, 0), ExistenceConfirmed: false));
            return;
        }
        if (request.Dispatcher is not null) props = props.WithDispatcher(request.Dispatcher);
        if (request.Mailbox is not null) props = props.WithMailbox(request.Mailbox);
        ActorCell cell;
        try
        {
            var mailbox = _provider.System.Mailboxes.Create(props.Mailbox, path);
            var dispatcher = _provider.System.Dispatchers.Lookup(props.Dispatcher ?? _provider.System.Settings.DefaultDispatcherId);
            cell = new ActorCell(_provider.System, props, parent, path, mailbox, dispatcher);
        }
        catch (Exception e)
        {
            _provider.Log.Warning("Refused to deploy {0}: {1}", path, e.Message);
            parent.SendSystemMessage(new DeathWatchNotification(new MissingActorRef(_provider.System, path, 0), ExistenceConfirmed: false));
            return;
        }
        _deployed[key] = cell.Self;
        _provider.Watcher.AddInterest(request.Parent.Path.Address);
        cell.Start();
        _tracker?.Tell(new DeploymentTracker.Track(cell.Self, request.Parent.Path.Address), null);
        _provider.Log.Debug("Deployed {0} for parent {1}", path, request.Parent);
    }

    /// <summary>A deployed actor stopped: forget it.</summary>
    public void Forget(IActorRef actor, Address parentAddress)
    {
        if (_deployed.TryRemove(string.Join('/', actor.Path.Elements), out _)) _provider.Watcher.RemoveInterest(parentAddress);
    }

    /// <summary>Stops the actors deployed by <paramref name="parentNode"/> (it is gone).</summary>
    public void StopDeployedBy(Address parentNode)
    {
        foreach (var actor in _deployed.Values)
            if (actor.Parent.Path.Address == parentNode) actor.Stop();
    }

    /// <summary>
    /// Remoting shuts down: stops every deployed actor and tells each remote parent at once that its child is gone.
    /// These actors are outside the guardian tree, so the actor system may finish (and stop its dispatchers) before
    /// they run their own termination; without this their parents would wait for a notification that never comes.
    /// A parent that also gets the actor's own notification ignores the second one.
    /// </summary>
    public void StopAllAndNotifyParents()
    {
        foreach (var actor in _deployed.Values)
        {
            actor.Stop();
            actor.Parent.SendSystemMessage(new DeathWatchNotification(actor, ExistenceConfirmed: true));
        }
    }

    private string? Validate(DeployRequest request, out Props props)
    {
        props = null!;
        var elements = request.PathElements;
        if (elements.Count < 2 || elements[0] != "remote" || elements.Any(e => e.Length == 0 || e.Contains('/') || e is "." or ".."))
            return "the path is not below /remote";
        if (!_allowed.TryGetValue(request.ActorTypeManifest, out var allowed))
            return $"actor type '{request.ActorTypeManifest}' is not allowed here (actorproc.remote.deployment.allowed-actor-types)";
        props = allowed;
        return null;
    }
}
