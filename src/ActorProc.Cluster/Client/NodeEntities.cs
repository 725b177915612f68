namespace ActorProc.Cluster.Client;

/// <summary>The shards and live entities of one worker node (see <see cref="ClusterEntities.GetLiveEntitiesAsync"/>).</summary>
/// <param name="Address">The node's address.</param>
/// <param name="JobShards">Job shards hosted on the node.</param>
/// <param name="PartitionShards">Partition shards hosted on the node.</param>
/// <param name="JobIds">Ids of the live job entities, sorted: running jobs, and finished ones not yet passivated.</param>
/// <param name="Partitions">Live partition entities.</param>
public sealed record NodeEntities(string Address, int JobShards, int PartitionShards, IReadOnlyList<string> JobIds, int Partitions);
