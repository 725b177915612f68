namespace ActorProc.Tests.Pools;

public sealed class CancellationSpec
{
    [Fact]
    public async Task Cancelling_mid_job_reports_the_remaining_tasks_cancelled_and_every_input_once()
    {
        var gate = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        using var cts = new CancellationTokenSource();
        var pool = TestPools.Create();
        try
        {
            var report = await pool.RunAsync(Enumerable.Range(0, 1_000), x =>
            {
                if (x == 50) cts.Cancel();
                else if (x > 50) gate.Wait(); // cannot finish before the job is over
                return x;
            }, cancellationToken: cts.Token).Within();

            Assert.Equal(JobOutcome.Cancelled, report.Outcome);
            Assert.Equal(Enumerable.Range(0, 1_000), report.Tasks.Select(t => t.Input));
            Assert.All(report.Tasks.Where(t => t.Input > 50), t => Assert.Equal(TaskOutcome.Cancelled, t.Status));
            Assert.All(report.Tasks, t => Assert.Contains(t.Status, new[] { TaskOutcome.Succeeded, TaskOutcome.Cancelled }));
            Assert.Equal(1_000, report.Succeeded + report.Cancelled);
        }
        finally
        {
            gate.Set();
            await pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task Cancelling_an_async_job_cancels_the_running_tasks()
    {
        await using var pool = TestPools.Create();
        using var cts = new CancellationTokenSource();
        var started = 0;

        var run = pool.RunAsync(Enumerable.Range(0, 100), async (x, ct) =>
        {
            if (Interlocked.Increment(ref started) == 20) cts.Cancel();
            await Task.Delay(Timeout.Infinite, ct);
            return x;
        }, cancellationToken: cts.Token);
        var report = await run.Within();

        Assert.Equal(JobOutcome.Cancelled, report.Outcome);
        Assert.Equal(100, report.Cancelled);
    }

    [Fact]
    public async Task Map_throws_operation_cancelled_when_its_token_is_cancelled()
    {
        await using var pool = TestPools.Create();
        using var cts = new CancellationTokenSource();

        var map = pool.MapAsync(TestPools.Lazy(int.MaxValue), x =>
        {
            if (x == 1_000) cts.Cancel();
            return x;
        }, cancellationToken: cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => map.Within());
    }

    [Fact]
    public async Task Leaving_an_as_completed_loop_early_cancels_the_job()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxInFlight = 100 });
        var pulled = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return i;
            }
        }

        var taken = 0;
        await foreach (var result in pool.AsCompleted(Endless(), x => x))
            if (++taken == 500) break;

        await pool.StopAsync().Within(); // drains: completes only because the job was cancelled
        Assert.Equal(0, pool.ActiveJobs);
        Assert.True(pulled < 1_000, $"pulled {pulled}");
    }

    [Fact]
    public async Task Disposing_with_work_in_flight_drains_it()
    {
        var gate = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        var pool = TestPools.Create();
        var map = pool.MapAsync(Enumerable.Range(0, 20), x =>
        {
            gate.Wait();
            return x;
        });

        var disposing = pool.DisposeAsync().AsTask();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.MapAsync([1], x => x));
        Assert.False(disposing.IsCompleted);
        gate.Set();
        await disposing.Within();

        Assert.Equal(Enumerable.Range(0, 20), await map.Within());
    }

    [Fact]
    public async Task A_forced_stop_cancels_work_in_flight()
    {
        var gate = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        var pool = TestPools.Create();
        try
        {
            var run = pool.RunAsync(Enumerable.Range(0, 20), x =>
            {
                gate.Wait();
                return x;
            });
            var map = pool.MapAsync(Enumerable.Range(0, 20), x =>
            {
                gate.Wait();
                return x;
            });

            var stopping = pool.StopAsync(force: true);
            var report = await run.Within();

            Assert.Equal(JobOutcome.Cancelled, report.Outcome);
            Assert.Equal(20, report.Cancelled);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => map.Within());
            gate.Set();
            await stopping.Within();
        }
        finally
        {
            gate.Set();
            await pool.DisposeAsync();
        }
    }
}
