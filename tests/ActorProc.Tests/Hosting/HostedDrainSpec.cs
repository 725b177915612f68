using ActorProc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorProc.Tests.Hosting;

/// <summary>The host's shutdown drains running jobs within a deadline, then cancels them with every task accounted for.</summary>
public sealed class HostedDrainSpec
{
    [Fact]
    public async Task A_job_running_when_the_host_stops_finishes_within_the_drain_deadline()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(pools => pools.Add("ingest"),
            new Dictionary<string, string?> { ["ActorProc:Pools:ingest:DrainTimeout"] = "00:00:30" }, logs: logs);
        await host.StartAsync().Within();
        var pool = host.Services.GetRequiredKeyedService<IWorkerPool>("ingest");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = pool.RunAsync([1, 2, 3], async (int x, CancellationToken ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return x;
        });

        var stopping = host.StopAsync();
        await TestHosts.UntilAsync(() => pool.IsStopping);

        Assert.False(running.IsCompleted); // held by the gate: the host waits for it
        Assert.False(stopping.IsCompleted);
        gate.SetResult();
        await stopping.Within();
        var report = await running.Within();
        Assert.Equal((3, 3), (report.Total, report.Succeeded));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Worker pool ingest drained in"));
    }

    [Fact]
    public async Task A_job_past_the_pools_drain_timeout_is_cancelled_and_its_unfinished_tasks_are_reported()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(pools => pools.Add("slow", o => o with { DrainTimeout = TimeSpan.FromMilliseconds(300) }), logs: logs);
        await host.StartAsync().Within();
        var pool = host.Services.GetRequiredKeyedService<IWorkerPool>("slow");

        var report = await StopWhileTwoOfFourTasksHangAsync(host, pool);

        Assert.Equal((4, 2, 2), (report.Total, report.Succeeded, report.Cancelled));
        Assert.Equal(JobOutcome.Cancelled, report.Outcome);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith("WorkerPoolDrain"));
        Assert.Equal("Worker pool slow: 1 job(s) still running after its drain timeout (0.3 s); cancelling them, their unfinished tasks are reported Cancelled", warning.Message);
    }

    [Fact]
    public async Task Without_a_drain_timeout_the_hosts_shutdown_timeout_is_the_deadline()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(pools => pools.Add("slow"), logs: logs, shutdownTimeout: TimeSpan.FromMilliseconds(500));
        await host.StartAsync().Within();
        var pool = host.Services.GetRequiredKeyedService<IWorkerPool>("slow");

        var report = await StopWhileTwoOfFourTasksHangAsync(host, pool);

        Assert.Equal((4, 2, 2), (report.Total, report.Succeeded, report.Cancelled));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("after the host's shutdown timeout"));
    }

    /// <summary>Runs four tasks, two of which never finish on their own, and stops the host once the other two are done.</summary>
    private static async Task<JobReport<int, int>> StopWhileTwoOfFourTasksHangAsync(Microsoft.Extensions.Hosting.IHost host, IWorkerPool pool)
    {
        var finished = 0;
        var twoDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = pool.RunAsync([0, 1, 2, 3], async (int x, CancellationToken ct) =>
        {
            if (x >= 2) await Task.Delay(Timeout.Infinite, ct);
            if (Interlocked.Increment(ref finished) == 2) twoDone.SetResult();
            return x;
        });
        await twoDone.Task.Within();

        await host.StopAsync().Within();

        return await running.Within();
    }
}
