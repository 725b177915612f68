namespace ActorProc.Cluster.Client;

/// <summary>One cluster member.</summary>
/// <param name="Address">Its address, e.g. <c>akka.tcp://actorproc@10.0.0.5:4053</c>.</param>
/// <param name="Roles">Its roles, sorted (<c>worker</c> for nodes, <c>client</c> for clients).</param>
/// <param name="Status">Akka's member status in lower case: <c>joining</c>, <c>weaklyup</c>, <c>up</c>, <c>leaving</c>, <c>exiting</c>, <c>down</c>, <c>removed</c>.</param>
/// <param name="Reachable">False when the failure detector of some member considers it unreachable.</param>
public sealed record ClusterMemberInfo(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable);
