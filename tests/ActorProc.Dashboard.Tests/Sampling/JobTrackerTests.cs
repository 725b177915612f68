using ActorProc.Cluster.Jobs;
using ActorProc.Dashboard.Sampling;
using ActorProc.Tasks;

namespace ActorProc.Dashboard.Tests.Sampling;

public sealed class JobTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static JobStatus Job(string id, JobState state, long succeeded, long failed = 0, long total = 100, IReadOnlyList<ClusterTaskResult>? results = null) =>
        new(id, "sumsq", state, total, succeeded, failed, 0, null, results ?? []);

    [Fact]
    public void Throughput_is_the_tasks_done_between_two_samples_over_the_time_between_them()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        tracker.ObserveRunning([Job("a", JobState.Running, 40)], T0);
        var first = tracker.Complete([], T0, null);
        tracker.ObserveRunning([Job("a", JobState.Running, 60), Job("b", JobState.Running, 10)], T0.AddSeconds(2));
        var second = tracker.Complete([], T0.AddSeconds(2), null);

        Assert.Empty(first.Throughput); // one sample has no interval
        // a: 40 -> 60 is 20 tasks in 2 s; b is new: its 10 tasks were done before the dashboard saw it.
        Assert.Equal(10, Assert.Single(second.Throughput).TasksPerSecond);
    }

    [Fact]
    public void A_job_that_finished_moves_to_the_recent_jobs_with_its_failed_tasks_listed()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        tracker.ObserveRunning([Job("a", JobState.Running, 50)], T0);
        tracker.Complete([], T0, null);
        var gone = tracker.ObserveRunning([], T0.AddSeconds(1));
        Assert.Equal(["a"], gone);
        tracker.Finished(Job("a", JobState.Completed, 98, 2, results:
        [
            new ClusterTaskResult(3, TaskOutcome.Failed, null, "FormatException: 'x' is not a number", 1),
            new ClusterTaskResult(4, TaskOutcome.Succeeded, "16", null, 1),
            new ClusterTaskResult(7, TaskOutcome.TimedOut, null, null, 2),
        ]), T0.AddSeconds(1));
        var view = tracker.Complete([], T0.AddSeconds(1), null);

        Assert.Empty(view.Running);
        var recent = Assert.Single(view.Recent);
        Assert.Equal(("a", "completed", 98L, 2L), (recent.Id, recent.State, recent.Succeeded, recent.Failed));
        Assert.Equal([7L, 3L], view.Failures.Select(f => f.Index)); // newest first
        Assert.Equal("TimedOut", view.Failures[0].Error);
        Assert.Equal("FormatException: 'x' is not a number", view.Failures[1].Error);
        Assert.Equal(50, Assert.Single(view.Throughput).TasksPerSecond); // 50 -> 100 done in 1 s
    }

    [Fact]
    public void A_job_out_of_sight_while_its_shard_moves_stays_running()
    {
        var tracker = new JobTracker(TimeSpan.FromMinutes(5));
        tracker.ObserveRunning([Job("a", JobState.Running, 10)], T0);
        Assert.Equal(["a"], tracker.ObserveRunning([], T0.AddSeconds(1)));
        tracker.Running(Job("a", JobState.Running, 20), T0.AddSeconds(1));
        var view = tracker.Complete([], T0.AddSeconds(1), null);

        Assert.Equal(T0, Assert.Single(view.Running).FirstSeen);
        Assert.Empty(view.Recent);
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
        for (var s = 0; s <= 30; s++)
        {
            tracker.ObserveRunning([Job("a", JobState.Running, s, total: 1000)], T0.AddSeconds(s));
            tracker.Complete([], T0.AddSeconds(s), null);
        }
        var view = tracker.Complete([], T0.AddSeconds(31), null);

        Assert.All(view.Throughput, p => Assert.True(T0.AddSeconds(31) - p.Time <= TimeSpan.FromSeconds(10)));
        Assert.Equal(11, view.Throughput.Count);
    }
}
