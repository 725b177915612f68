namespace ActorProc.Cluster.Client;

/// <summary>The shards and live entities one worker node holds.</summary>
/// <param name="Address">The node's address.</param>
/// <param name="JobShards">Job shards hosted on the node.</param>
/// <param name="PartitionShards">Partition shards hosted on the node.</param>
/// <param name="Jobs">Live job entities (running jobs, and finished ones queried lately).</param>
/// <param name="Partitions">Live partition entities (partitions not yet acknowledged by their job).</param>
public sealed record NodeShards(string Address, int JobShards, int PartitionShards, int Jobs, int Partitions);
