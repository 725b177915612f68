using System.Collections.Concurrent;

namespace ActorProc.Tests.Pools;

public sealed class FailureSpec
{
    [Fact]
    public async Task A_task_exception_is_captured_and_the_batch_continues()
    {
        // The seed's example: task 2 raises ValueError; the other tasks still run and succeed.
        await using var pool = TestPools.Create();

        var report = await pool.RunAsync(Enumerable.Range(0, 10), x => x == 2 ? throw new ArgumentException("ValueError") : x * 10).Within();

        Assert.Equal(10, report.Tasks.Count);
        var failed = Assert.Single(report.FailedTasks);
        Assert.Equal(2, failed.Input);
        Assert.Equal(TaskOutcome.Failed, failed.Status);
        Assert.Equal("ValueError", Assert.IsType<ArgumentException>(failed.Exception).Message);
        Assert.Equal([0, 10, 30, 40, 50, 60, 70, 80, 90], report.SucceededTasks.Select(t => t.Value));
        Assert.Equal(9, report.Succeeded);
        Assert.Equal(1, report.Failed);
    }

    [Fact]
    public async Task Map_runs_the_whole_batch_then_lists_the_failures()
    {
        await using var pool = TestPools.Create();
        var ran = 0;

        var error = await Assert.ThrowsAsync<JobFailedException>(() => pool.MapAsync(Enumerable.Range(0, 1_000), x =>
        {
            Interlocked.Increment(ref ran);
            return x % 250 == 3 ? throw new InvalidOperationException("bad " + x) : x;
        }).Within());

        Assert.Equal(1_000, ran);
        Assert.Equal([3L, 253, 503, 753], error.Failures.Select(f => f.Index));
        Assert.Equal(996, error.Succeeded);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_others_are_not()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions
        {
            MaxRetries = 3,
            RetryOn = e => e is TransientTestException,
        });
        var attempts = new ConcurrentDictionary<int, int>();

        var report = await pool.RunAsync(Enumerable.Range(0, 5), x =>
        {
            var attempt = attempts.AddOrUpdate(x, 1, (_, n) => n + 1);
            return x switch
            {
                1 when attempt <= 2 => throw new TransientTestException("flaky"), // succeeds on its third attempt
                2 => throw new TransientTestException("always down"),           // uses up its retries
                3 => throw new InvalidOperationException("a bug"),              // not transient: no retry
                _ => x,
            };
        }).Within();

        Assert.Equal(TaskOutcome.Succeeded, report.Tasks[1].Status);
        Assert.Equal(3, report.Tasks[1].Attempts);
        Assert.Equal(TaskOutcome.Failed, report.Tasks[2].Status);
        Assert.Equal(4, report.Tasks[2].Attempts);
        Assert.IsType<TransientTestException>(report.Tasks[2].Exception);
        Assert.Equal(TaskOutcome.Failed, report.Tasks[3].Status);
        Assert.Equal(1, report.Tasks[3].Attempts);
        Assert.Equal(1, report.Tasks[0].Attempts);
        Assert.Equal(2 + 3, report.Retries);
        Assert.Equal(3, attempts[1]);
        Assert.Equal(4, attempts[2]);
        Assert.Equal(1, attempts[3]);
    }

    [Fact]
    public async Task Async_tasks_are_retried_with_the_same_policy()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxRetries = 2 });
        var attempts = new ConcurrentDictionary<int, int>();

        var values = await pool.MapAsync(Enumerable.Range(0, 100), async (x, ct) =>
        {
            await Task.Yield();
            return attempts.AddOrUpdate(x, 1, (_, n) => n + 1) < 3 && x % 10 == 0 ? throw new TransientTestException("again") : x;
        }).Within();

        Assert.Equal(Enumerable.Range(0, 100), values);
        Assert.All(Enumerable.Range(0, 100), x => Assert.Equal(x % 10 == 0 ? 3 : 1, attempts[x]));
    }

    [Fact]
    public async Task A_fatal_task_restarts_its_worker_once_per_failure_and_succeeds_on_retry()
    {
        // One worker, so the retry runs on the restarted worker and the restart is counted before the job ends.
        await using var pool = TestPools.Create(new WorkerPoolOptions
        {
            Workers = 1,
            MaxRetries = 1,
            FatalExceptions = e => e is FatalTestException,
        });
        var attempts = new ConcurrentDictionary<int, int>();

        var report = await pool.RunAsync(Enumerable.Range(0, 50), x =>
        {
            var attempt = attempts.AddOrUpdate(x, 1, (_, n) => n + 1);
            return (x == 7 || x == 31) && attempt == 1 ? throw new FatalTestException("worker state corrupted") : x;
        }).Within();

        Assert.True(report.AllSucceeded, report.ToString());
        Assert.Equal(2, report.Tasks[7].Attempts);
        Assert.Equal(2, report.Tasks[31].Attempts);
        Assert.All(report.Tasks.Where(t => t.Input is not (7 or 31)), t => Assert.Equal(1, t.Attempts));
        Assert.Equal(2, pool.Statistics.WorkerRestarts);
        Assert.All(attempts, a => Assert.Equal(a.Key is 7 or 31 ? 2 : 1, a.Value)); // nothing ran twice except the fatal ones
    }

    [Fact]
    public async Task A_fatal_task_in_a_fast_map_restarts_the_worker_and_the_rest_of_the_batch_runs_once()
    {
        // One worker, so the retry runs on the restarted worker and the restart is counted before the job ends.
        await using var pool = TestPools.Create(new WorkerPoolOptions
        {
            Workers = 1,
            MaxRetries = 1,
            FatalExceptions = e => e is FatalTestException,
        });
        var runs = new int[20_000];

        var values = await pool.MapAsync(Enumerable.Range(0, runs.Length), x =>
            Interlocked.Increment(ref runs[x]) == 1 && x == 12_345 ? throw new FatalTestException("boom") : x).Within();

        Assert.Equal(Enumerable.Range(0, runs.Length), values);
        Assert.Equal(1, pool.Statistics.WorkerRestarts);
        Assert.All(Enumerable.Range(0, runs.Length), x => Assert.Equal(x == 12_345 ? 2 : 1, runs[x]));
    }

    [Fact]
    public async Task A_fatal_task_without_retries_left_is_reported_failed_with_its_error()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 1, FatalExceptions = e => e is FatalTestException });

        var report = await pool.RunAsync(Enumerable.Range(0, 10), x => x == 4 ? throw new FatalTestException("dead") : x).Within();

        Assert.Equal(TaskOutcome.Failed, report.Tasks[4].Status);
        Assert.IsType<FatalTestException>(report.Tasks[4].Exception);
        Assert.Equal(9, report.Succeeded);
        Assert.Equal(1, pool.Statistics.WorkerRestarts);
    }

    [Fact]
    public async Task Max_tasks_per_worker_recycles_workers()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 1, MaxTasksPerWorker = 10, ChunkSize = 1 });

        // 105 tasks: the tenth recycle (after task 100) happens before task 101 runs, so before the job ends.
        var values = await pool.MapAsync(Enumerable.Range(0, 105), x => x).Within();

        Assert.Equal(Enumerable.Range(0, 105), values);
        Assert.Equal(10, pool.Statistics.WorkersRecycled);
        Assert.Equal(0, pool.Statistics.WorkerRestarts);
    }
}
