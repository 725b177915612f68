using Akka.Configuration;

namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>Single-node clusters on 127.0.0.1 (by default with a SQLite journal in a temporary directory), and waiting for jobs.</summary>
internal static class TestNodes
{
    /// <summary>Short intervals and small batches, so specs see several batches and resends within a second.</summary>
    public static readonly Config FastConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        actorproc.cluster.partition.batch-size = 5
        actorproc.cluster.partition.resend-interval = 300ms
        actorproc.cluster.job.resend-interval = 300ms
        actorproc.cluster.client.ask-timeout = 10s
        """);

    public static string TempJournal()
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorproc-cluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, "journal.db");
    }

    public static Task<ClusterNode> StartAsync(string journalPath, int port = 0) => StartOnJournalAsync("sqlite:" + journalPath, port);

    /// <summary>A node on any journal (<c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>).</summary>
    public static async Task<ClusterNode> StartOnJournalAsync(string journal, int port = 0)
    {
        var node = await ClusterNode.StartAsync(new NodeSettings { Port = port, Journal = journal, Config = FastConfig }, TestTasks.Registry());
        await node.WhenUp.WaitAsync(TimeSpan.FromSeconds(15));
        return node;
    }

    public static async Task<JobStatus> AwaitDoneAsync(ClusterJobClient client, string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await client.GetJobAsync(jobId);
            if (status is { IsDone: true }) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} not done after {timeout}: {status}");
            await Task.Delay(100); // polling a remote job: there is no completion event to await across the wire
        }
    }

    public static void AssertOneSquarePerTask(JobStatus status, int total)
    {
        Assert.Equal(JobState.Completed, status.State);
        Assert.Equal(total, status.Total);
        Assert.Equal(total, status.Succeeded);
        Assert.Equal(0, status.Failed);
        Assert.Equal(Enumerable.Range(0, total).Select(i => (long)i), status.Results.Select(r => r.Index));
        Assert.All(status.Results, r => Assert.Equal(((int)r.Index * (int)r.Index).ToString(), r.Output));
    }
}
