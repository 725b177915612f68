using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorProc.Core.Actors;
using ActorProc.Remote.Deployment;
using ActorProc.Remote.Serialization;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote;

internal sealed partial class RemoteActorRefProvider : IActorRefCodec
{
    /// <summary>Ask promises whose ref was sent over the wire, by their temp name, until they complete.</summary>
    private readonly ConcurrentDictionary<string, PromiseActorRef> _temp = new(StringComparer.Ordinal);

    /// <summary>Children of local parents deployed on other nodes, by full path, so refs to them resolve to the one supervised instance.</summary>
    private readonly ConcurrentDictionary<string, RemoteActorRef> _deployedChildren = new(StringComparer.Ordinal);

    private static readonly string NobodyPath = Nobody.Instance.Path.ToString();

    public string ToWirePath(IActorRef actor)
    {
        if (actor is Nobody) return NobodyPath;
        var path = actor.Path;
        if (path.Address != System.LocalAddress) return path.ToString();
        if (actor is PromiseActorRef promise) RegisterTemp(promise);
        return path.WithAddress(Address).ToString();
    }

    public long UidOf(IActorRef actor) => actor is ActorRefBase known ? known.Uid : 0;

    /// <summary>Temporary refs (Ask promises) are never cached in a connection's ref table.</summary>
    public bool IsTemporary(IActorRef actor) => actor is PromiseActorRef || (actor.Path.Depth == 2 && actor.Path.Parent.Name == "temp");

    public IActorRef Resolve(string pathText, long uid)
    {
        if (!ActorPath.TryParse(pathText, out var path)) throw new WireFormatException($"'{pathText}' is not an actor path.");
        var address = path.Address;
        if (address == Address || address == System.LocalAddress) return ResolveLocal(path.Elements, uid);
        if (address.Host is null) return pathText == NobodyPath ? Nobody.Instance : new MissingActorRef(System, path, uid);
        if (_deployedChildren.TryGetValue(pathText, out var child))
        {
            child.LearnUid(uid);
            return child;
        }
        return new RemoteActorRef(this, path, uid);
    }

    /// <summary>A ref to the actor at <paramref name="path"/> without asking the node (uid unknown, so equal only by path to other uid-less refs).</summary>
    public IActorRef RefFor(ActorPath path) => Resolve(path.ToString(), 0);

    private IActorRef ResolveLocal(IReadOnlyList<string> elements, long uid)
    {
        IActorRef? found = elements.Count switch
        {
            0 => System.RootCell.Self,
            _ when elements[0] == "temp" && elements.Count == 2 => _temp.TryGetValue(elements[1], out var promise) ? promise : null,
            _ when elements[0] == "deadLetters" && elements.Count == 1 => System.DeadLetterRef,
            _ when elements[0] == "remote" => Deployments.Find(elements),
            _ => System.FindLocal(elements),
        };
        if (found is ActorRefBase known && (uid == 0 || known.Uid == 0 || known.Uid == uid)) return found;
        return new MissingActorRef(System, ActorPath.Root(System.LocalAddress).Descendant(elements), uid);
    }

    private void RegisterTemp(PromiseActorRef promise)
    {
        if (promise.IsTerminated || !_temp.TryAdd(promise.Path.Name, promise)) return;
        promise.Result.ContinueWith(static (_, state) =>
        {
            var (temp, p) = ((ConcurrentDictionary<string, PromiseActorRef>, PromiseActorRef))state!;
            temp.TryRemove(new KeyValuePair<string, PromiseActorRef>(p.Path.Name, p));
        }, (_temp, promise), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Builds the ref of a child deployed on another node and sends the deployment request.</summary>
    public IInternalActorRef CreateRemoteChild(ActorCell parent, Props props, string name, Scope scope)
    {
        var target = scope switch
        {
            RemoteScope remote => remote.Address,
            RemoteNodesScope { Nodes.Count: > 0 } nodes => nodes.Nodes[NextNodeIndex(nodes)],
            _ => throw new ActorConfigurationException($"Cannot deploy {parent.Self.Path}/{name}: scope {scope} is not supported (use RemoteScope or a non-empty RemoteNodesScope)."),
        };
        if (target == Address || target == System.LocalAddress || target.Host is null || target.Protocol != Protocol)
            throw new ActorConfigurationException($"Cannot deploy {parent.Self.Path}/{name} to {target}: a RemoteScope needs another node's {Protocol} address.");
        if (props.Router is not null)
            throw new ActorConfigurationException($"Cannot deploy router {parent.Self.Path}/{name} to {target}: deploy the router locally and its routees remotely.");
        string[] elements = ["remote", Address.Protocol, $"{Address.System}@{Address.Host}:{Address.Port}", .. parent.Self.Path.Elements, name];
        var path = ActorPath.Root(target).Descendant(elements);
        var child = new RemoteActorRef(this, path, 0, parent.Self);
        _deployedChildren[path.ToString()] = child;
        // The parent watches its remote child implicitly, so the child's node vanishing still ends the child.
        Watcher.SuperviseChild(child, parent.Self);
        var request = new DeployRequest(Deployments.ManifestFor(props.ActorType), props.Dispatcher, props.Mailbox, elements, parent.Self);
        AssociationFor(target).Send(new OutboundEnvelope(FrameType.Deploy, child, request, null));
        return child;
    }

    /// <summary>Round-robin position of each multi-node scope (one counter per scope instance, e.g. per router).</summary>
    private readonly ConditionalWeakTable<RemoteNodesScope, StrongBox<int>> _nodeCursors = new();

    private int NextNodeIndex(RemoteNodesScope scope)
    {
        var cursor = _nodeCursors.GetValue(scope, static _ => new StrongBox<int>(-1));
        return (int)((uint)Interlocked.Increment(ref cursor.Value) % (uint)scope.Nodes.Count);
    }

    private void ForgetDeployedChildrenOn(Address address)
    {
        foreach (var (key, child) in _deployedChildren)
            if (child.Address == address) _deployedChildren.TryRemove(key, out _);
    }
}
