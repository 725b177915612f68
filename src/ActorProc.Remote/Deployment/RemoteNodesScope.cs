using ActorProc.Core.Actors;

namespace ActorProc.Remote.Deployment;

/// <summary>
/// Deploys children over several nodes in turn (round robin). Its main use is a router pool whose routees live on
/// other machines: <c>Props.Create&lt;Worker&gt;().WithRouter(new RoundRobinPool(6)).WithDeploy(new Deploy(new RemoteNodesScope([b, c])))</c>
/// keeps the router local and creates its six routees alternately on <c>b</c> and <c>c</c>, each supervised by the
/// router as usual. A single child deployed with this scope goes to the next node in the list. The same rules as
/// for <see cref="RemoteScope"/> apply (allowed actor types, parameterless constructors).
/// </summary>
/// <param name="Nodes">The network addresses to deploy to; at least one.</param>
public sealed record RemoteNodesScope(IReadOnlyList<Address> Nodes) : Scope
{
    /// <summary>Value equality over the node list (records compare lists by reference otherwise).</summary>
    public bool Equals(RemoteNodesScope? other) => other is not null && Nodes.SequenceEqual(other.Nodes);

    /// <inheritdoc />
    public override int GetHashCode() => Nodes.Aggregate(0, (hash, node) => HashCode.Combine(hash, node));
}
