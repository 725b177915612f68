namespace ActorProc.Cluster.Metrics;

/// <summary>One refresh of a node's sharding state: shards and live entities it hosts per type, and its live jobs by state.</summary>
internal sealed record NodeSnapshot(int JobShards, int PartitionShards, int JobEntities, int PartitionEntities, IReadOnlyDictionary<JobState, int> Jobs)
{
    /// <summary>Before the first refresh.</summary>
    public static NodeSnapshot Empty { get; } = new(0, 0, 0, 0, new Dictionary<JobState, int>());
}
