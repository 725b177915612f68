using Akka.Cluster.Sharding;

namespace ActorProc.Cluster.Jobs;

/// <summary>How sharding finds the entity of a message: by the ids the messages carry (see <see cref="EntityIds"/>).</summary>
internal static class ShardingExtractors
{
    public static IMessageExtractor Jobs(int shards) =>
        HashCodeMessageExtractor.Create(shards, static m => m is IJobCommand c ? c.JobId : null);

    /// <summary>A job's partitions in consecutive shards: see <see cref="PartitionMessageExtractor"/>.</summary>
    public static IMessageExtractor Partitions(int shards) => new PartitionMessageExtractor(shards);
}
