using Xunit.Abstractions;
using static ActorProc.Cli.Tests.Cluster.JobProgressLines;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>Every node killed mid-job and started again over the same journal: the job resumes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRestartSpec(ITestOutputHelper output)
{
    private const int Tasks = 20_000;
    private const long N = 20_000;

    [Fact]
    public async Task Job_resumes_after_every_node_is_killed_and_restarted_with_one_result_per_task()
    {
        using var cluster = TestClusters.Create(3, output);
        await cluster.StartAsync();
        var submit = cluster.StartCommand("submit", "submit", "sumsq", "--n", $"{N}", "--tasks", $"{Tasks}", "--partition-size", "100",
            "--job-id", "restart-1", "--cluster", cluster.Contact, "--json", "--verbose");
        await WaitForDoneAsync(submit, 1);
        for (var i = 0; i < cluster.Ports.Count; i++) cluster.Kill(i);
        submit.Kill(); // a client of the cluster that is gone; the job lives in the journal

        await cluster.StartAsync();
        var report = Path.Combine(cluster.Directory, "report");
        var job = cluster.StartCommand("job", "job", "restart-1", "--wait", "--cluster", cluster.Contact, "--json", "--verbose", "--report-dir", report);
        var exit = await job.WaitForExitAsync(JobTimeout);
        Assert.True(exit == 0, $"job exited {exit}:\n{job.Stderr}");
        var json = Json(job.Stdout);
        Assert.Equal("restart-1", json.GetProperty("job_id").GetString());
        Assert.Equal(SumSquares(N, Tasks), json.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Tasks, json.GetProperty("succeeded").GetInt64());
        AssertOneResultPerTask(report, Tasks, i => $"#{i}");
        output.WriteLine($"whole-cluster restart: {json.GetProperty("reexecuted")} task(s) re-executed");
    }
}
