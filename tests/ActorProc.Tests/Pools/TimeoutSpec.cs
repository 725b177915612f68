namespace ActorProc.Tests.Pools;

public sealed class TimeoutSpec
{
    [Fact]
    public async Task A_hung_task_times_out_and_its_worker_is_replaced_while_the_others_continue()
    {
        var hang = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        var pool = TestPools.Create(new WorkerPoolOptions { TaskTimeout = TimeSpan.FromMilliseconds(300) });
        try
        {
            var report = await pool.RunAsync(Enumerable.Range(0, 40), x =>
            {
                if (x == 5) hang.Wait(); // a synchronous task that never returns (until the test ends)
                return x;
            }).Within();

            Assert.Equal(40, report.Tasks.Count);
            var hung = report.Tasks[5];
            Assert.Equal(TaskOutcome.TimedOut, hung.Status);
            Assert.IsType<TaskTimeoutException>(hung.Exception);
            Assert.All(report.Tasks.Where(t => t.Input != 5), t => Assert.Equal(TaskOutcome.Succeeded, t.Status));
            Assert.Equal(1, pool.Statistics.WorkersReplaced);

            // The pool still has its full strength: two tasks that need each other to run at the same time
            // finish. Their own timeout is generous: on a loaded machine the replacement thread for the one
            // still blocked in the hung task may take longer than 300 ms to start its first task.
            using var barrier = new Barrier(2);
            var both = await pool.MapAsync(Enumerable.Range(0, 2), x => barrier.SignalAndWait(TestPools.Patience) ? x : -1,
                new JobOptions { ChunkSize = 1, TaskTimeout = TestPools.Patience }).Within();
            Assert.Equal([0, 1], both);
        }
        finally
        {
            hang.Set();
            await pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_timed_out_task_is_retried_when_retries_remain()
    {
        var hang = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        var attempts = 0;
        var pool = TestPools.Create(new WorkerPoolOptions { TaskTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 });
        try
        {
            var value = await pool.SubmitAsync(x =>
            {
                if (Interlocked.Increment(ref attempts) == 1) hang.Wait();
                return x * 2;
            }, 21).Within();

            Assert.Equal(42, value);
            Assert.Equal(2, attempts);
        }
        finally
        {
            hang.Set();
            await pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_async_task_past_its_timeout_is_reported_timed_out_even_if_it_ignores_its_token()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { TaskTimeout = TimeSpan.FromMilliseconds(200) });
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var report = await pool.RunAsync(Enumerable.Range(0, 10), (x, ct) => x == 3 ? never.Task : Task.FromResult(x)).Within();

        Assert.Equal(TaskOutcome.TimedOut, report.Tasks[3].Status);
        Assert.Equal(9, report.Succeeded);
    }

    [Fact]
    public async Task The_job_deadline_ends_the_job_and_reports_every_input()
    {
        var gate = new ManualResetEventSlim(false); // not disposed: a worker may still be waking from it
        var pool = TestPools.Create(new WorkerPoolOptions { JobDeadline = TimeSpan.FromMilliseconds(300) });
        try
        {
            var report = await pool.RunAsync(Enumerable.Range(0, 100), x =>
            {
                if (x >= 10) gate.Wait();
                return x;
            }).Within();

            Assert.Equal(JobOutcome.DeadlineExceeded, report.Outcome);
            Assert.Equal(Enumerable.Range(0, 100), report.Tasks.Select(t => t.Input));
            Assert.All(report.Tasks.Where(t => t.Input >= 10), t => Assert.Contains(t.Status, new[] { TaskOutcome.TimedOut, TaskOutcome.Cancelled }));
            Assert.Contains(report.Tasks, t => t.Status == TaskOutcome.TimedOut); // the ones running at the deadline
            Assert.Equal(100, report.Succeeded + report.TimedOut + report.Cancelled);
        }
        finally
        {
            gate.Set();
            await pool.DisposeAsync();
        }
    }
}
