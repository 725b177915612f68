namespace ActorProc.Tests.Pools;

public sealed class PoolLifecycleSpec
{
    [Theory]
    [InlineData(WorkerRouter.SmallestMailbox)]
    [InlineData(WorkerRouter.RoundRobin)]
    [InlineData(WorkerRouter.Random)]
    public async Task Every_router_runs_every_task(WorkerRouter router)
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 3, Router = router });

        var values = await pool.MapAsync(TestPools.Lazy(30_000), x => x * 2).Within();
        var report = await pool.RunAsync(Enumerable.Range(0, 3_000), x => x).Within();

        Assert.Equal(Enumerable.Range(0, 30_000).Select(x => x * 2), values);
        Assert.True(report.AllSucceeded);
    }

    [Fact]
    public async Task A_pool_on_an_existing_system_leaves_the_system_running_when_disposed()
    {
        var system = ActorSystem.Create("host");
        try
        {
            var pool = new WorkerPool(system, new WorkerPoolOptions { Workers = 2, Name = "guest" });
            Assert.Equal([1, 2], await pool.MapAsync([0, 1], x => x + 1).Within());
            await pool.DisposeAsync();

            Assert.False(system.WhenTerminated.IsCompleted);
            Assert.True(pool.IsStopping);
            await using var second = new WorkerPool(system, new WorkerPoolOptions { Workers = 1, Name = "guest-2" });
            Assert.Equal(42, await second.SubmitAsync(x => x, 42).Within());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task A_bounded_drain_cancels_what_is_still_running_when_it_expires()
    {
        var gate = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        var pool = TestPools.Create();
        try
        {
            var report = pool.RunAsync(Enumerable.Range(0, 4), x =>
            {
                gate.Wait();
                return x;
            });

            var stopping = pool.StopAsync(TimeSpan.FromMilliseconds(200));

            Assert.Equal(JobOutcome.Cancelled, (await report.Within()).Outcome);
            gate.Set(); // let the stuck workers return, so that they can stop
            await stopping.Within();
        }
        finally
        {
            gate.Set();
            await pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_submitted_task_can_be_cancelled_through_its_handle()
    {
        await using var pool = TestPools.Create();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var handle = pool.Submit(async (int x, CancellationToken ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return x;
        }, 1);
        await started.Task.Within();
        handle.Cancel();

        Assert.Equal(TaskOutcome.Cancelled, (await handle.Outcome.Within()).Status);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handle.Task.Within());
    }

    [Fact]
    public async Task Progress_reports_the_total_and_reaches_it()
    {
        await using var pool = TestPools.Create();
        var reports = new List<JobProgress>();
        var final = new TaskCompletionSource<JobProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        var capture = new CallbackProgress(p =>
        {
            lock (reports) reports.Add(p);
            if (p.IsFinal) final.TrySetResult(p);
        });

        await pool.RunAsync(Enumerable.Range(0, 20_000), x => x, new JobOptions { Progress = capture, ProgressInterval = TimeSpan.FromMilliseconds(1) }).Within();
        var last = await final.Task.Within();

        Assert.Equal(20_000, last.Total);
        Assert.Equal(20_000, last.Completed);
        Assert.Equal(1.0, last.Fraction);
        Assert.Equal(TimeSpan.Zero, last.Eta);
        lock (reports) Assert.All(reports, p => Assert.Equal(20_000, p.Total));
    }

    private sealed class CallbackProgress(Action<JobProgress> report) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => report(value);
    }
}
