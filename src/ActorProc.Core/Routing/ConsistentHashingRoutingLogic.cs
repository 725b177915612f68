namespace ActorProc.Core.Routing;

/// <summary>
/// Same key, same routee. The ring for a routee set is built once per set by <see cref="CreateState"/> (on the
/// router's thread) and shared read-only by every sender. Concurrency contract: no mutable state; the user's
/// hash mapping runs on sender threads and must be thread-safe; if it throws, the message is logged and
/// dead-lettered instead of throwing at the sender.
/// </summary>
internal sealed class ConsistentHashingRoutingLogic(Func<object, object?>? hashMapping, int virtualNodesFactor) : RoutingLogic
{
    /// <summary>Virtual nodes per routee when none are configured.</summary>
    public const int DefaultVirtualNodesFactor = 10;

    public override object? CreateState(IActorRef[] routees)
    {
        if (routees.Length == 0) return null;
        var ids = new string[routees.Length];
        for (var i = 0; i < routees.Length; i++) ids[i] = routees[i].Path.ToString();
        return ConsistentHashRing.Create(ids, virtualNodesFactor);
    }

    public override void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router)
    {
        var members = routees.Members;
        if (members.Length == 0 || routees.LogicState is not ConsistentHashRing ring)
        {
            router.NoRoutee(message, sender);
            return;
        }
        object? key;
        try
        {
            key = KeyOf(message);
        }
        catch (Exception e)
        {
            router.System.Log.Error(e, "The hash mapping of consistent-hashing router {0} threw for a {1}; the message goes to dead letters", router.Self, message.GetType().Name);
            router.NoRoutee(message, sender);
            return;
        }
        if (key is null)
        {
            router.System.Log.Warning(
                "Consistent-hashing router {0} cannot route a {1}: give the router a hash mapping, implement IConsistentHashable or wrap the message in a ConsistentHashableEnvelope",
                router.Self, message.GetType().Name);
            router.NoRoutee(message, sender);
            return;
        }
        members[ring.NodeFor(key)].Tell(Payload(message), sender);
    }

    /// <summary>The key: an envelope's, else the mapping's, else the message's own.</summary>
    private object? KeyOf(object message)
    {
        if (message is ConsistentHashableEnvelope envelope) return envelope.HashKey;
        if (hashMapping?.Invoke(message) is { } mapped) return mapped;
        return (message as IConsistentHashable)?.ConsistentHashKey;
    }
}
