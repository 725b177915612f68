namespace ActorProc.Cluster.Jobs;

/// <summary>
/// Sharding type names and entity ids, in one place: a job entity's id is its job id; a partition
/// entity's id is <c>"{jobId}/{partition}"</c>. Persistence ids add the type name, so a job and a
/// partition never share a journal stream.
/// </summary>
internal static class EntityIds
{
    public const string JobType = "job";
    public const string PartitionType = "partition";

    public static string Partition(string jobId, int partition) => $"{jobId}/{partition}";

    public static string JobPersistenceId(string jobId) => $"job-{jobId}";

    public static string PartitionPersistenceId(string partitionEntityId) => $"partition-{partitionEntityId}";
}
