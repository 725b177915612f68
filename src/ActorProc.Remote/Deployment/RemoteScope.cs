using ActorProc.Core.Actors;

namespace ActorProc.Remote.Deployment;

/// <summary>
/// Deploys an actor on another node: <c>Context.ActorOf(Props.Create&lt;Worker&gt;().WithDeploy(new Deploy(new RemoteScope(address))), "w")</c>
/// creates the child on the node at <paramref name="Address"/>, supervised by its local parent (failures, restarts
/// and its death travel as system messages). The actor type must be allowed on that node
/// (<c>actorproc.remote.deployment.allowed-actor-types</c> or <see cref="Remoting.AllowDeployment{TActor}"/>) and
/// have a public parameterless constructor; factory closures cannot cross the wire.
/// </summary>
/// <param name="Address">The network address of the node, e.g. <c>actorproc.tcp://sys@127.0.0.1:2552</c>.</param>
public sealed record RemoteScope(Address Address) : Scope;
