using ActorProc.Cluster.Tests.Nodes;

namespace ActorProc.Cluster.Tests.Jobs;

/// <summary>
/// Durable jobs on a single-node cluster in this process (SQLite journal in a temp directory). The
/// scenarios that PostgreSQL must pass too are in <see cref="DurableJobScenarios"/>.
/// </summary>
public sealed class DurableJobSpec
{
    private static readonly TimeSpan JobTimeout = DurableJobScenarios.JobTimeout;

    [Fact]
    public Task Job_runs_end_to_end_with_exactly_one_result_per_task() =>
        DurableJobScenarios.EndToEndWithOneResultPerTaskAsync("sqlite:" + TestNodes.TempJournal(), "e2e");

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
    public async Task Many_jobs_are_read_in_one_batched_query_in_the_asked_order_with_null_for_unknown_ids()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());
        var ids = Enumerable.Range(0, 300).Select(i => $"many-{i}").ToArray(); // more than one gateway message
        foreach (var id in ids) await node.Jobs.SubmitAsync(new JobSpec(id, "square", []));
        await node.Jobs.SubmitAsync(new JobSpec("many-failed", "no-such-task", ["1"]));
        string[] asked = [.. ids, "never-submitted", "many-failed", ids[7], "never-submitted"];

        var statuses = await node.Jobs.GetJobsAsync(asked);

        Assert.Equal(asked.Length, statuses.Count);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], statuses[i]?.JobId);
            Assert.Equal(JobState.Completed, statuses[i]!.State);
        }
        Assert.Null(statuses[ids.Length]);
        Assert.Equal(JobState.Failed, statuses[ids.Length + 1]?.State);
        Assert.Equal(ids[7], statuses[ids.Length + 2]?.JobId);
        Assert.Null(statuses[^1]);
        Assert.Empty(await node.Jobs.GetJobsAsync([]));
        Assert.Throws<ArgumentException>(() => node.Jobs.GetJobsAsync(["ok", " "]).GetAwaiter().GetResult());
    }

    [Fact]
    public Task Node_stopped_mid_job_and_a_new_node_on_the_same_journal_completes_it_without_duplicates() =>
        DurableJobScenarios.StopMidJobAndResumeOnANewNodeAsync("sqlite:" + TestNodes.TempJournal(), "resume");
}
