using ActorProc.Cluster.Tests.Nodes;

namespace ActorProc.Cluster.Tests.Jobs;

/// <summary>Durable jobs on a single-node cluster in this process (SQLite journal in a temp directory).</summary>
public sealed class DurableJobSpec
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Job_runs_end_to_end_with_exactly_one_result_per_task()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());
        var inputs = Enumerable.Range(0, 100).Select(i => $"e2e:{i}").ToArray();

        var ack = await node.Jobs.SubmitAsync(new JobSpec("e2e", "counted-square", inputs, partitionSize: 12));
        Assert.True(ack.IsNew);
        Assert.Equal(JobState.Accepted, ack.State);

        var status = await TestNodes.AwaitDoneAsync(node.Jobs, "e2e", JobTimeout);
        TestNodes.AssertOneSquarePerTask(status, 100);
        Assert.Equal(0, status.Reexecuted);
        Assert.All(status.Results, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(100, TestTasks.RunsOf("e2e:"));
    }

    [Fact]
    public async Task Submitting_the_same_job_id_twice_gives_one_job()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());
        var spec = new JobSpec("twice", "counted-square", Enumerable.Range(0, 30).Select(i => $"twice:{i}").ToArray(), partitionSize: 10);

        var first = await node.Jobs.SubmitAsync(spec);
        var second = await node.Jobs.SubmitAsync(spec);
        var status = await TestNodes.AwaitDoneAsync(node.Jobs, "twice", JobTimeout);
        var third = await node.Jobs.SubmitAsync(spec);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.False(third.IsNew);
        Assert.Equal(JobState.Completed, third.State);
        TestNodes.AssertOneSquarePerTask(status, 30);
        Assert.Equal(30, TestTasks.RunsOf("twice:"));
    }

    [Fact]
    public async Task Unknown_task_name_fails_the_job_fast_naming_the_task()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());

        var ack = await node.Jobs.SubmitAsync(new JobSpec("unknown", "no-such-task", ["1", "2"]));
        var status = await node.Jobs.GetJobAsync("unknown");

        Assert.Equal(JobState.Failed, ack.State);
        Assert.Contains("'no-such-task'", ack.Error);
        Assert.NotNull(status);
        Assert.Equal(JobState.Failed, status.State);
        Assert.Equal(0, status.Succeeded + status.Failed);
        Assert.Contains("'no-such-task'", status.Error);
    }

    [Fact]
    public async Task Unknown_job_id_is_not_found()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());

        Assert.Null(await node.Jobs.GetJobAsync("never-submitted"));
    }

    [Fact]
    public async Task Node_stopped_mid_job_and_a_new_node_on_the_same_journal_completes_it_without_duplicates()
    {
        var journal = TestNodes.TempJournal();
        const int total = 400;
        var spec = new JobSpec("resume", "counted-square", Enumerable.Range(0, total).Select(i => $"resume:{i}").ToArray(), partitionSize: 40);

        var first = await TestNodes.StartAsync(journal);
        await first.Jobs.SubmitAsync(spec);
        await AwaitRunsAsync("resume:", 60);
        await first.StopAsync();
        var runsBeforeRestart = TestTasks.RunsOf("resume:");
        Assert.InRange(runsBeforeRestart, 60, total - 1);

        await using var second = await TestNodes.StartAsync(journal);
        var status = await TestNodes.AwaitDoneAsync(second.Jobs, "resume", JobTimeout);

        TestNodes.AssertOneSquarePerTask(status, total);
        // Every run beyond one per task is counted as a re-execution (a graceful stop finishes its batches, so usually 0).
        Assert.Equal(TestTasks.RunsOf("resume:") - total, status.Reexecuted);
    }

    private static async Task AwaitRunsAsync(string prefix, int runs)
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        while (TestTasks.RunsOf(prefix) < runs)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {runs} runs of {prefix} tasks.");
            await Task.Delay(20);
        }
    }
}
