using ActorProc.Cluster.Chaos;

namespace ActorProc.Cluster.Tests.Chaos;

/// <summary>The chaos verdict's checker: one correct result per task passes; each way a result can be lost, duplicated or wrong is flagged and counted.</summary>
public sealed class JobCheckerTests
{
    private static readonly ExpectedJob Job = new(new JobSpec("job-1", "sumsq", ["0:3", "3:5", "5:6"], 2), ["5", "25", "25"]);

    private static ClusterTaskResult Ok(long index, string output) => new(index, TaskOutcome.Succeeded, output, null, 1);

    private static JobStatus Completed(params ClusterTaskResult[] results) =>
        new("job-1", "sumsq", JobState.Completed, 3, results.LongCount(r => r.Status == TaskOutcome.Succeeded), results.LongCount(r => r.Status != TaskOutcome.Succeeded), 2, null, results, []);

    [Fact]
    public void One_expected_result_per_task_is_correct_and_counts_re_executions()
    {
        var check = JobChecker.Check(Job, Completed(Ok(0, "5"), Ok(1, "25"), Ok(2, "25")));

        Assert.True(check.IsCorrect);
        Assert.Equal(new JobCheck("job-1", 3, 3, 0, 0, 0, 2, []), check with { Problems = [] });
        Assert.Empty(check.Problems);
    }

    [Fact]
    public void Outputs_are_compared_as_json_values()
    {
        var job = new ExpectedJob(new JobSpec("job-1", "hash", ["sha256:/a"], 1), ["""{"path":"/a","hex":"ab","length":2}"""]);
        var status = new JobStatus("job-1", "hash", JobState.Completed, 1, 1, 0, 0, null, [Ok(0, """{ "hex": "ab", "length": 2, "path": "/a" }""")], []);

        Assert.True(JobChecker.Check(job, status).IsCorrect);
    }

    [Fact]
    public void A_task_without_a_result_in_a_completed_job_is_lost()
    {
        var check = JobChecker.Check(Job, Completed(Ok(0, "5"), Ok(2, "25")));

        Assert.Equal((1L, 0L, 0L, 2L), (check.Lost, check.Duplicated, check.Wrong, check.Checked));
        Assert.Contains(check.Problems, p => p.Contains("no recorded result, the first 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(JobState.Running)]
    [InlineData(JobState.Accepted)]
    public void A_job_that_never_completes_loses_every_task(JobState state)
    {
        var check = JobChecker.Check(Job, new JobStatus("job-1", "sumsq", state, 3, 2, 0, 0, null, [], []));

        Assert.Equal(3, check.Lost);
        Assert.Contains("not completed", check.Problems.Single());
    }

    [Fact]
    public void An_acknowledged_job_the_cluster_does_not_know_loses_every_task()
    {
        var check = JobChecker.Check(Job, null);

        Assert.Equal(3, check.Lost);
        Assert.False(check.IsCorrect);
    }

    [Fact]
    public void A_failed_job_loses_every_task()
    {
        var check = JobChecker.Check(Job, new JobStatus("job-1", "sumsq", JobState.Failed, 3, 0, 0, 0, "no task 'sumsq' on node x", [], []));

        Assert.Equal(3, check.Lost);
        Assert.Contains("no task 'sumsq'", check.Problems.Single());
    }

    [Fact]
    public void A_task_recorded_twice_is_duplicated()
    {
        var check = JobChecker.Check(Job, Completed(Ok(0, "5"), Ok(1, "25"), Ok(1, "25"), Ok(2, "25")));

        Assert.Equal((0L, 1L, 0L, 3L), (check.Lost, check.Duplicated, check.Wrong, check.Checked));
        Assert.Contains("task 1 has more than one recorded result", check.Problems);
    }

    [Fact]
    public void Counts_adding_up_to_more_than_the_tasks_are_duplicates()
    {
        var status = Completed(Ok(0, "5"), Ok(1, "25"), Ok(2, "25")) with { Succeeded = 5 };

        var check = JobChecker.Check(Job, status);

        Assert.Equal(2, check.Duplicated);
        Assert.Contains("the job counts 5 results for 3 tasks", check.Problems);
    }

    [Fact]
    public void Another_output_a_failed_task_and_a_foreign_index_are_wrong()
    {
        var results = Completed(Ok(0, "6"), new ClusterTaskResult(1, TaskOutcome.Failed, null, "IOException: gone", 3), Ok(2, "25"), Ok(7, "1"));

        var check = JobChecker.Check(Job, results with { Succeeded = 2, Failed = 1 });

        Assert.Equal((0L, 0L, 3L), (check.Lost, check.Duplicated, check.Wrong));
        Assert.Contains("task 0 recorded 6, expected 5", check.Problems);
        Assert.Contains("task 1 failed: IOException: gone", check.Problems);
        Assert.Contains("a result for task 7, which the job does not have", check.Problems);
    }

    [Fact]
    public void Expected_outputs_must_match_the_inputs_one_to_one() =>
        Assert.Throws<ArgumentException>(() => new ExpectedJob(new JobSpec("j", "sumsq", ["0:1", "1:2"]), ["0"]));
}
