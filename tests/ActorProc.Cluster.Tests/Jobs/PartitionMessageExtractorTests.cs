namespace ActorProc.Cluster.Tests.Jobs;

public sealed class PartitionMessageExtractorTests
{
    private readonly PartitionMessageExtractor _extractor = new(120);

    [Fact]
    public void A_jobs_partitions_fill_distinct_consecutive_shards()
    {
        var shards = Enumerable.Range(0, 100).Select(p => _extractor.ShardId(EntityIds.Partition("job-1", p), new ResumePartition("job-1", p))).ToArray();

        Assert.Equal(100, shards.Distinct().Count());
        var first = int.Parse(shards[0]);
        Assert.Equal(Enumerable.Range(0, 100).Select(p => ((first + p) % 120).ToString()), shards);
    }

    [Fact]
    public void The_shard_is_the_same_with_or_without_the_message_and_for_job_ids_with_slashes()
    {
        foreach (var jobId in new[] { "job-1", "a/b/c", "x" })
        {
            var entity = EntityIds.Partition(jobId, 7);
            Assert.Equal(_extractor.ShardId(entity, new ResumePartition(jobId, 7)), _extractor.ShardId(entity));
            Assert.Equal(entity, _extractor.EntityId(new ResumePartition(jobId, 7)));
        }
    }

    [Fact]
    public void Other_messages_have_no_entity()
    {
        Assert.Null(_extractor.EntityId("not a partition command"));
    }
}
