using ActorProc.Metrics;
using M = ActorProc.Metrics.ActorProcMetrics;

namespace ActorProc.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class PoolMetricsSpec
{
    [Fact]
    public async Task A_job_with_successes_failures_a_retry_and_a_timeout_is_counted_per_outcome()
    {
        var pool = TestPools.Create(new WorkerPoolOptions
        {
            Name = $"metrics-outcomes-{Guid.NewGuid():N}",
            Workers = 2,
            TaskTimeout = TimeSpan.FromMilliseconds(300),
            MaxRetries = 1,
            RetryOn = e => e is TransientTestException,
            RetryBackoff = RetryBackoff.None,
        });
        using var metrics = new MetricsCapture(pool.Options.Name!);
        var hang = new ManualResetEventSlim(false); // not disposed: the hung worker may still be waking from it
        var attemptsOf3 = 0;
        try
        {
            var report = await pool.RunAsync(Enumerable.Range(0, 20), x => x switch
            {
                3 when Interlocked.Increment(ref attemptsOf3) == 1 => throw new TransientTestException("first attempt"),
                5 => throw new InvalidOperationException("always"),
                7 => hang.Wait(TestPools.Patience) ? -1 : -2,
                _ => x,
            }).Within();

            Assert.Equal((18, 1, 1, 1), (report.Succeeded, report.Failed, report.TimedOut, report.Retries));
            Assert.Equal(18, metrics.Sum(M.TasksSucceededName));
            Assert.Equal(1, metrics.Sum(M.TasksFailedName));
            Assert.Equal(1, metrics.Sum(M.TasksTimedOutName));
            Assert.Equal(1, metrics.Sum(M.TasksRetriedName));
            Assert.Equal(0, metrics.Sum(M.TasksCancelledName));
            Assert.Equal(1, metrics.Sum(M.JobsCompletedName, M.OutcomeTag, "completed"));
            // Every attempt that ended has a duration: 18 + 1 + 1 + the retried one; the hung one took the timeout at least.
            Assert.Equal(21, metrics.Durations.Count);
            Assert.True(metrics.Durations.Max() >= 0.3, $"longest duration {metrics.Durations.Max()} s");
        }
        finally
        {
            hang.Set();
            await pool.DisposeAsync(); // waits for the hung worker, which counts its started task when it returns
        }
        Assert.Equal(21, metrics.Sum(M.TasksStartedName));
    }

    [Fact]
    public async Task A_fast_map_is_counted_without_a_duration_listener_and_gets_durations_with_one()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Name = $"metrics-fast-{Guid.NewGuid():N}", Workers = 2 });
        var inputs = Enumerable.Range(0, 100_000).ToArray();
        using (var counters = new MetricsCapture(pool.Options.Name!, durations: false))
        {
            await pool.MapAsync(inputs, x => x + 1).Within();
            Assert.Equal(100_000, counters.Sum(M.TasksStartedName));
            Assert.Equal(100_000, counters.Sum(M.TasksSucceededName));
            Assert.Empty(counters.Durations);
        }
        using var timed = new MetricsCapture(pool.Options.Name!);
        await pool.MapAsync(inputs, x => x + 1).Within();
        Assert.Equal(100_000, timed.Sum(M.TasksSucceededName));
        Assert.Equal(100_000, timed.Durations.Count);
    }

    [Fact]
    public async Task In_flight_queue_depth_and_running_jobs_follow_a_job_and_a_cancelled_retry()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions
        {
            Name = $"metrics-gauges-{Guid.NewGuid():N}",
            Workers = 2,
            MaxRetries = 1,
            RetryOn = e => e is TransientTestException,
            RetryBackoff = new RetryBackoff(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), 0), // the retry waits until cancelled
        });
        using var metrics = new MetricsCapture(pool.Options.Name!);
        using var gate = new ManualResetEventSlim(false);

        var blocked = pool.RunAsync(Enumerable.Range(0, 4), x => gate.Wait(TestPools.Patience) ? x : -1, new JobOptions { ChunkSize = 1 });
        await metrics.ObserveUntil(M.InFlightName, 4); // two running, two in the workers' mailboxes
        Assert.Equal(1, metrics.Observe(M.JobsRunningName));
        gate.Set();
        Assert.Equal(4, (await blocked.Within()).Succeeded);
        await metrics.ObserveUntil(M.InFlightName, 0);

        using var cancel = new CancellationTokenSource();
        var retrying = pool.RunAsync([1], new Func<int, int>(_ => throw new TransientTestException("retry me")), cancellationToken: cancel.Token);
        await metrics.ObserveUntil(M.QueueDepthName, 1);
        Assert.Equal(0, metrics.Observe(M.InFlightName));
        await cancel.CancelAsync();
        var report = await retrying.Within();
        Assert.Equal(1, report.Cancelled);
        await metrics.ObserveUntil(M.QueueDepthName, 0);
        await metrics.ObserveUntil(M.JobsRunningName, 0);
        Assert.Equal(1, metrics.Sum(M.TasksRetriedName));
        Assert.Equal(1, metrics.Sum(M.TasksCancelledName));
        Assert.Equal(1, metrics.Sum(M.JobsCompletedName, M.OutcomeTag, "cancelled"));
    }
}
