namespace ActorProc.Tests.Pools;

/// <summary>The submission path: many single tasks through one long-running job per pool.</summary>
public sealed class SubmitSpec
{
    [Fact]
    public async Task Four_threads_submitting_fifty_thousand_tasks_each_get_every_value_exactly_once()
    {
        await using var pool = TestPools.Create();
        const int PerThread = 50_000;
        var runs = new int[4 * PerThread];

        var handles = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
            Enumerable.Range(t * PerThread, PerThread).Select(i => pool.Submit(x =>
            {
                Interlocked.Increment(ref runs[x]);
                return x * 2L;
            }, i)).ToArray())));
        var values = await Task.WhenAll(handles.SelectMany(h => h).Select(h => h.Task)).Within();

        Assert.Equal(Enumerable.Range(0, 4 * PerThread).Select(i => i * 2L), values);
        Assert.All(runs, r => Assert.Equal(1, r));
        Assert.Equal(4 * PerThread, handles.SelectMany(h => h).Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_submitted_task_that_fails_is_retried_with_the_pool_policy()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 2, MaxRetries = 2, RetryBackoff = RetryBackoff.None });
        var attempts = 0;

        var outcome = await pool.Submit(x => Interlocked.Increment(ref attempts) < 3 ? throw new TransientTestException("flaky") : x, 5).Outcome.Within();

        Assert.Equal(TaskOutcome.Succeeded, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(5, outcome.Value);
    }

    [Fact]
    public async Task Cancelling_a_submission_through_its_token_before_it_starts_means_it_never_runs()
    {
        var gate = new ManualResetEventSlim(false);
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 1, RetryBackoff = RetryBackoff.None });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = pool.Submit(_ =>
        {
            started.TrySetResult();
            gate.Wait();
            return 0;
        }, 0);
        await started.Task.Within();
        using var cts = new CancellationTokenSource();
        var ran = false;

        var queued = pool.Submit(x => ran = true, 1, cancellationToken: cts.Token);
        cts.Cancel();
        gate.Set();

        Assert.Equal(TaskOutcome.Cancelled, (await queued.Outcome.Within()).Status);
        await blocker.Task.Within();
        await pool.SubmitAsync(x => x, 2).Within(); // the queue moved past the cancelled task
        Assert.False(ran);
    }

    [Fact]
    public async Task A_forced_stop_completes_every_submitted_handle()
    {
        var gate = new ManualResetEventSlim(false);
        var pool = TestPools.Create(new WorkerPoolOptions { Workers = 1, ShutdownTimeout = TimeSpan.FromSeconds(1) });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var first = pool.Submit(_ =>
            {
                started.TrySetResult();
                gate.Wait();
                return 0;
            }, 0);
            await started.Task.Within();
            var queued = Enumerable.Range(1, 1_000).Select(i => pool.Submit(x => x, i)).ToArray();

            var stopping = pool.StopAsync(force: true);
            var outcomes = await Task.WhenAll(queued.Select(h => h.Outcome)).Within();

            Assert.All(outcomes, o => Assert.Equal(TaskOutcome.Cancelled, o.Status));
            Assert.Throws<ObjectDisposedException>(() => pool.Submit(x => x, 9));
            gate.Set();
            await stopping.Within();
            Assert.Equal(TaskOutcome.Cancelled, (await first.Outcome.Within()).Status);
        }
        finally
        {
            gate.Set();
            await pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_graceful_stop_runs_every_submitted_task_first()
    {
        var pool = TestPools.Create();
        var handles = Enumerable.Range(0, 10_000).Select(i => pool.Submit(x => x + 1, i)).ToArray();

        await pool.StopAsync().Within();

        Assert.All(handles, h => Assert.True(h.Outcome.IsCompletedSuccessfully && h.Outcome.Result.Succeeded));
        Assert.Equal(0, pool.ActiveJobs);
    }

    [Fact]
    public async Task Async_submissions_respect_the_pool_concurrency_limit()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 2, MaxConcurrency = 8 });
        var running = 0;
        var peak = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => pool.SubmitAsync(async (x, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(1, ct);
            Interlocked.Decrement(ref running);
            return x;
        }, i))).Within();

        Assert.InRange(peak, 1, 8);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }
}
