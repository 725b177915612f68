using System.Globalization;
using Akka.Cluster.Sharding;
using Akka.Util;

namespace ActorProc.Cluster.Jobs;

/// <summary>
/// Where a partition entity lives: shard <c>(hash(jobId) + partition) mod shards</c>. A job's
/// partitions fill consecutive shards instead of hashing independently, so a job of P ≤ shards
/// partitions occupies P distinct shards (independent hashing leaves about a third of them
/// colliding for P = shards), and the coordinator, which gives each new shard to the node with the
/// fewest, spreads the job's partitions evenly over the nodes. The hash is Akka's MurmurHash of the
/// job id: stable across processes and runs.
/// </summary>
internal sealed class PartitionMessageExtractor(int shards) : IMessageExtractor
{
    // Akka handles its own StartEntity and ShardingEnvelope messages before asking an extractor.
    public string? EntityId(object message) => message is IPartitionCommand c ? EntityIds.Partition(c.JobId, c.Partition) : null;

    public object? EntityMessage(object message) => message;

    [Obsolete("Use ShardId(EntityId, object) instead.")]
    public string? ShardId(object message) => message is IPartitionCommand c ? ShardOf(c.JobId, c.Partition) : null;

    public string ShardId(string entityId, object? messageHint = null)
    {
        if (messageHint is IPartitionCommand c) return ShardOf(c.JobId, c.Partition);
        // "{jobId}/{partition}": the job id may itself contain '/', the partition number cannot.
        var slash = entityId.LastIndexOf('/');
        return slash > 0 && int.TryParse(entityId.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            ? ShardOf(entityId[..slash], partition)
            : ((MurmurHash.StringHash(entityId) & int.MaxValue) % shards).ToString(CultureInfo.InvariantCulture);
    }

    private string ShardOf(string jobId, int partition) =>
        (((long)(MurmurHash.StringHash(jobId) & int.MaxValue) + partition) % shards).ToString(CultureInfo.InvariantCulture);
}
