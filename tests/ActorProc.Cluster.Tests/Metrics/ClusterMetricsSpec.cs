using Akka.Configuration;
using ActorProc.Cluster.Tests.Nodes;
using M = ActorProc.Cluster.Metrics.ClusterMetrics;

namespace ActorProc.Cluster.Tests.Metrics;

/// <summary>
/// The cluster instruments of an in-process node, read with a MeterListener. (Two node processes, one of
/// them killed, are scraped over HTTP in the CLI's NodeMetricsSpec.)
/// </summary>
public sealed class ClusterMetricsSpec
{
    private static readonly Config Fast = ConfigurationFactory.ParseString("""
        actorproc.cluster.metrics.refresh-interval = 200ms
        actorproc.cluster.job.idle-after-done = 1s
        """).WithFallback(TestNodes.FastConfig);

    [Fact]
    public async Task A_node_reports_its_membership_its_shards_and_its_jobs_by_state_and_lets_finished_jobs_passivate()
    {
        using var metrics = new ClusterMetricsCapture();
        await using var node = await ClusterNode.StartAsync(new NodeSettings { Port = 0, Journal = "sqlite:" + TestNodes.TempJournal(), Config = Fast }, TestTasks.Registry());
        await node.WhenUp.WaitAsync(TimeSpan.FromSeconds(15));
        await metrics.UntilAsync(() => metrics.Read(M.MembersName, node.Address, "status=up") == 1,
            () => $"members up: {metrics.Read(M.MembersName, node.Address, "status=up")}");
        Assert.Equal(0, metrics.Read(M.UnreachableName, node.Address));
        Assert.Equal(0, metrics.Read(M.MembersName, node.Address, "status=joining"));

        await node.Jobs.SubmitAsync(new JobSpec("metrics-job", "square", Enumerable.Range(0, 40).Select(i => i.ToString()).ToArray(), 4));
        TestNodes.AssertOneSquarePerTask(await TestNodes.AwaitDoneAsync(node.Jobs, "metrics-job", TimeSpan.FromSeconds(30)), 40);

        long Read(string instrument, string tag) => metrics.Read(instrument, node.Address, tag);
        // The job's entity stays live until idle-after-done (its partitions' entities stop when they are done);
        // the shards that hosted them stay on the node.
        await metrics.UntilAsync(() => Read(M.JobsName, "state=completed") == 1 && Read(M.ShardsName, "type=partition") >= 1,
            () => $"completed jobs {Read(M.JobsName, "state=completed")}, partition shards {Read(M.ShardsName, "type=partition")}");
        Assert.Equal(0, Read(M.JobsName, "state=running") + Read(M.JobsName, "state=accepted") + Read(M.JobsName, "state=failed"));
        Assert.Equal(1, Read(M.EntitiesName, "type=job"));
        Assert.Equal(1, Read(M.ShardsName, "type=job"));

        // Refreshing does not keep the finished job alive: it passivates after idle-after-done as without metrics.
        await metrics.UntilAsync(() => Read(M.EntitiesName, "type=job") == 0 && Read(M.JobsName, "state=completed") == 0,
            () => $"job entities {Read(M.EntitiesName, "type=job")}, completed jobs {Read(M.JobsName, "state=completed")}");
    }
}
