using ActorProc.Cluster.Jobs;
using ActorProc.Dashboard.Sampling;
using ActorProc.Tasks;

namespace ActorProc.Dashboard.Tests.Sampling;

public sealed class JobTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static JobStatus Job(string id, JobState state, long succeeded, long failed = 0, long total = 100, IReadOnlyList<ClusterTaskFailure>? failures = null) =>
        new(id, "sumsq", state, total, succeeded, failed, 0, null, [], failures ?? []);

    /// <summary>What the sampler does with the answers of one sample.</summary>
    private static JobsView Sample(JobTracker tracker, DateTimeOffset now, params JobStatus[] answers)
    {
        foreach (var job in answers)
        {
            if (job.IsDone) tracker.Finished(job, now);
            else tracker.Running(job, now);
        }
        return tracker.Complete([], now, null);
    }

    [Fact]
    public void Throughput_is_the_tasks_done_between_two_samples_over_the_time_between_them()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        var first = Sample(tracker, T0, Job("a", JobState.Running, 40));
        var second = Sample(tracker, T0.AddSeconds(2), Job("a", JobState.Running, 60), Job("b", JobState.Running, 10));

        Assert.Empty(first.Throughput); // one sample has no interval, and a's 40 tasks were done before the dashboard looked
        // a: 40 -> 60, and b, new since the first sample, 10: 30 tasks in 2 s.
        Assert.Equal(15, Assert.Single(second.Throughput).TasksPerSecond);
    }

    [Fact]
    public void A_job_that_finished_moves_to_the_recent_jobs_with_its_failed_tasks_listed_and_is_not_asked_again()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        Sample(tracker, T0, Job("a", JobState.Running, 50));
        var view = Sample(tracker, T0.AddSeconds(1), Job("a", JobState.Completed, 98, 2, failures:
        [
            new ClusterTaskFailure(3, "x", "FormatException: 'x' is not a number"),
            new ClusterTaskFailure(7, "77", "TimedOut"), // newest last
        ]));

        Assert.Empty(view.Running);
        var recent = Assert.Single(view.Recent);
        Assert.Equal(("a", "completed", 98L, 2L, T0), (recent.Id, recent.State, recent.Succeeded, recent.Failed, recent.FirstSeen));
        Assert.Equal([7L, 3L], view.Failures.Select(f => f.Index)); // newest first
        Assert.Equal(("77", "TimedOut"), (view.Failures[0].Input, view.Failures[0].Error));
        Assert.Equal(("x", "FormatException: 'x' is not a number"), (view.Failures[1].Input, view.Failures[1].Error));
        Assert.Equal(50, Assert.Single(view.Throughput).TasksPerSecond); // 50 -> 100 done in 1 s
        Assert.Empty(tracker.ToAsk(["a"])); // its entity lives on a while; it is not asked (and kept alive) again
    }

    [Fact]
    public void A_job_that_ran_and_finished_between_two_samples_is_listed_and_counted()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        Sample(tracker, T0);
        Assert.Equal(["quick"], tracker.ToAsk(["quick"]));
        var view = Sample(tracker, T0.AddSeconds(2), Job("quick", JobState.Completed, 10, total: 10));

        Assert.Equal("quick", Assert.Single(view.Recent).Id);
        Assert.Equal(5, Assert.Single(view.Throughput).TasksPerSecond);
    }

    [Fact]
    public void A_running_job_out_of_sight_is_asked_again_and_stays_running()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        Sample(tracker, T0, Job("a", JobState.Running, 10));
        Assert.Equal(["a"], tracker.ToAsk([])); // not live on any reachable node: its shard may be moving
        var view = Sample(tracker, T0.AddSeconds(1), Job("a", JobState.Running, 20));

        Assert.Equal(T0, Assert.Single(view.Running).FirstSeen);
        Assert.Empty(view.Recent);
    }

    [Fact]
    public void Failures_of_a_running_job_are_listed_as_they_come_and_each_only_once()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        Sample(tracker, T0, Job("a", JobState.Running, 10, 1, failures: [new ClusterTaskFailure(4, "four", "boom")]));
        var view = Sample(tracker, T0.AddSeconds(1), Job("a", JobState.Running, 20, 2,
            failures: [new ClusterTaskFailure(4, "four", "boom"), new ClusterTaskFailure(12, "twelve", "bang")]));

        Assert.Equal([("twelve", "bang"), ("four", "boom")], view.Failures.Select(f => (f.Input!, f.Error)));
        Assert.Equal([T0.AddSeconds(1), T0], view.Failures.Select(f => f.SeenAt));
    }

    [Fact]
    public void A_failure_that_scrolled_off_does_not_come_back()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        var first = Enumerable.Range(0, 20).Select(i => new ClusterTaskFailure(i, $"a{i}", "boom")).ToArray();
        Sample(tracker, T0, Job("a", JobState.Running, 0, 20, failures: first));
        Sample(tracker, T0.AddSeconds(1), Job("b", JobState.Running, 0, 20, failures: [.. first.Select(f => f with { Input = "b" })]),
            Job("c", JobState.Running, 0, 20, failures: [.. first.Select(f => f with { Input = "c" })]));
        var view = Sample(tracker, T0.AddSeconds(2), Job("a", JobState.Running, 0, 20, failures: first));

        Assert.Equal(JobTracker.FailuresKept, view.Failures.Count);
        Assert.DoesNotContain(view.Failures, f => f.SeenAt == T0.AddSeconds(2)); // a's failures, seen at T0, are not new again
    }

    [Fact]
    public void Failures_are_listed_once_each_and_only_the_latest_are_kept()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        for (var i = 0; i < JobTracker.FailuresKept + 10; i++)
        {
            tracker.AddFailure(new FailureView("a", i, $"input {i}", "boom", T0));
            tracker.AddFailure(new FailureView("a", i, $"input {i}", "boom", T0));
        }
        var view = tracker.Complete([], T0, null);

        Assert.Equal(JobTracker.FailuresKept, view.Failures.Count);
        Assert.Equal(JobTracker.FailuresKept + 9, view.Failures[0].Index);
        Assert.Equal(view.Failures.Count, view.Failures.Select(f => f.Index).Distinct().Count());
    }

    [Fact]
    public void Throughput_older_than_the_window_is_dropped()
    {
        var tracker = new JobTracker(TimeSpan.FromSeconds(10));
        for (var s = 0; s <= 30; s++) Sample(tracker, T0.AddSeconds(s), Job("a", JobState.Running, s, total: 1000));
        var view = tracker.Complete([], T0.AddSeconds(31), null);

        Assert.All(view.Throughput, p => Assert.True(T0.AddSeconds(31) - p.Time <= TimeSpan.FromSeconds(10)));
        Assert.Equal(11, view.Throughput.Count);
    }
}
