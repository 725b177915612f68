using ActorProc.Cluster.Tests.Nodes;

namespace ActorProc.Cluster.Tests.Jobs;

/// <summary>
/// Durable-job scenarios that must hold on every journal; <see cref="DurableJobSpec"/> runs them on
/// SQLite and <see cref="PostgresJournalSpec"/> on PostgreSQL. Each takes the journal (<c>sqlite:PATH</c>
/// or <c>postgres:...</c>, fresh for the test) and a job id that is also the prefix of its inputs, so
/// task runs are counted per scenario.
/// </summary>
internal static class DurableJobScenarios
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(30);

    public static async Task EndToEndWithOneResultPerTaskAsync(string journal, string jobId)
    {
        await using var node = await TestNodes.StartOnJournalAsync(journal);
        var inputs = Enumerable.Range(0, 100).Select(i => $"{jobId}:{i}").ToArray();

        var ack = await node.Jobs.SubmitAsync(new JobSpec(jobId, "counted-square", inputs, partitionSize: 12));
        Assert.True(ack.IsNew);
        Assert.Equal(JobState.Accepted, ack.State);

        var status = await TestNodes.AwaitDoneAsync(node.Jobs, jobId, JobTimeout);
        TestNodes.AssertOneSquarePerTask(status, 100);
        Assert.Equal(0, status.Reexecuted);
        Assert.All(status.Results, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(100, TestTasks.RunsOf(jobId + ":"));
    }

    public static async Task StopMidJobAndResumeOnANewNodeAsync(string journal, string jobId)
    {
        const int total = 400;
        var prefix = jobId + ":";
        var spec = new JobSpec(jobId, "counted-square", Enumerable.Range(0, total).Select(i => prefix + i).ToArray(), partitionSize: 40);

        var first = await TestNodes.StartOnJournalAsync(journal);
        await first.Jobs.SubmitAsync(spec);
        await TestTasks.AwaitRunsAsync(prefix, 60, JobTimeout);
        await first.StopAsync();
        var runsBeforeRestart = TestTasks.RunsOf(prefix);
        Assert.InRange(runsBeforeRestart, 60, total - 1);

        await using var second = await TestNodes.StartOnJournalAsync(journal);
        var status = await TestNodes.AwaitDoneAsync(second.Jobs, jobId, JobTimeout);

        TestNodes.AssertOneSquarePerTask(status, total);
        // Every run beyond one per task is counted as a re-execution (a graceful stop finishes its batches, so usually 0).
        Assert.Equal(TestTasks.RunsOf(prefix) - total, status.Reexecuted);
    }
}
