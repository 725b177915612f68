using System.Reflection;
using ActorProc.Isolation;
using ActorProc.IsolationWorker;

namespace ActorProc.Tests.Isolation;

/// <summary>
/// Pools whose tasks run in child worker processes (tests/ActorProc.IsolationWorker), killed and
/// crashed for real: FailFast, SIGKILL, hangs. One class, so its pools (two processes each) run one at a time.
/// </summary>
public sealed class IsolatedPoolSpec : IDisposable
{
    private static readonly string WorkerDll = typeof(IsolatedPoolSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "IsolationWorkerDll").Value!;

    private readonly string _markers = Directory.CreateTempSubdirectory("actorproc-isolation-").FullName;

    public void Dispose() => Directory.Delete(_markers, recursive: true);

    /// <summary>Only bounds a hung test: starting processes on a loaded 2-core machine takes seconds each.</summary>
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private WorkerPool CreatePool(int retries = 0, TimeSpan? taskTimeout = null, int processes = 2) => WorkerPool.Create(new WorkerPoolOptions
    {
        Workers = 2,
        MaxRetries = retries,
        RetryBackoff = RetryBackoff.None,
        TaskTimeout = taskTimeout,
        DrainTimeout = TimeSpan.FromSeconds(30),
        Isolation = new WorkerIsolation
        {
            Processes = processes,
            StartInfo = () =>
            {
                var info = WorkerProcessStart.ForAssembly(WorkerDll);
                info.Environment[WorkerTasks.MarkerDirectoryVariable] = _markers;
                return info;
            },
        },
    });

    [Fact]
    public async Task FailFast_in_one_percent_of_tasks_fails_exactly_those_tasks_and_every_other_result_is_correct()
    {
        using var plan = WorkerTasks.FailFastOnePercent(); // the same plan the worker runs, to know which inputs it ends
        var inputs = Enumerable.Range(0, 200).Select(i => (long)i).ToArray();
        var doomed = inputs.Where(i => plan.PlannedFault(i) == ActorProc.TestKit.Faults.FaultKind.FailFastWorkerProcess).ToHashSet();
        Assert.NotEmpty(doomed);
        await using var pool = CreatePool();

        var report = await pool.RunAsync(inputs, pool.Isolated<long, long>("failfast-1pct")).WithinProcesses();

        Assert.Equal(200, report.Total);
        Assert.Equal(doomed.Order(), report.FailedTasks.Select(t => t.Input).Order());
        Assert.All(report.FailedTasks, t =>
        {
            var error = Assert.IsType<WorkerProcessExitedException>(t.Exception);
            Assert.Contains("signal 6 (SIGABRT; exit code 134) while running task failfast-1pct", error.Message);
            Assert.Contains($"on input '{t.Input}'", error.Message);
        });
        Assert.All(report.Tasks.Where(t => t.Succeeded), t => Assert.Equal(WorkerTasks.Expected(t.Input), t.Value));
    }

    [Fact]
    public async Task A_killed_task_is_retried_in_a_fresh_process_or_reported_with_the_signal_and_the_others_lose_no_attempt()
    {
        await using var pool = CreatePool(retries: 1, processes: 1);
        var inputs = Enumerable.Range(0, 10).Select(i => (long)i).ToArray();

        var once = await pool.RunAsync(inputs, pool.Isolated<long, long>("kill-once")).WithinProcesses();
        var always = await pool.RunAsync(inputs, pool.Isolated<long, long>("kill-3")).WithinProcesses();

        // kill-once: input 4 kills its process on its first attempt only. The death is charged only when
        // input 4 was the one task unanswered; with others unanswered too (a batch, or a reply lost in the
        // dying child's send buffer) none is charged and each re-runs alone. Either way no other task
        // loses an attempt.
        Assert.True(once.AllSucceeded, string.Join("; ", once.FailedTasks.Select(t => $"{t.Input}: {t.Exception?.Message}")));
        Assert.All(once.Tasks, t => Assert.Equal(WorkerTasks.Expected(t.Input), t.Value));
        Assert.All(once.Tasks.Where(t => t.Input != 4), t => Assert.Equal(1, t.Attempts));
        Assert.InRange(once.Tasks.Single(t => t.Input == 4).Attempts, 1, 2);
        // kill-3: input 3 kills every process it runs in, so its retry budget runs out.
        var failed = Assert.Single(always.FailedTasks);
        Assert.Equal(3, failed.Input);
        Assert.Contains("signal 9 (SIGKILL; exit code 137) while running task kill-3 on input '3'", failed.Exception!.Message);
        Assert.All(always.Tasks.Where(t => t.Succeeded), t => Assert.Equal(WorkerTasks.Expected(t.Input), t.Value));
        Assert.Equal(9, always.Succeeded);
    }

    [Fact]
    public async Task A_hung_task_times_out_its_process_is_replaced_and_a_task_error_keeps_its_type_and_message()
    {
        await using var pool = CreatePool(taskTimeout: TimeSpan.FromSeconds(3), processes: 1);
        // A task's timeout runs from when the job hands it over, so wait until the process has started.
        await pool.RunAsync(new long[] { 1, 2 }, pool.Isolated<long, long>("checked")).WithinProcesses();

        var hung = await pool.RunAsync(Enumerable.Range(0, 4).Select(i => (long)i), pool.Isolated<long, long>("hang")).WithinProcesses();
        var parsed = await pool.RunAsync(["1", "x", "3"], pool.Isolated<string, int>("parse")).WithinProcesses();

        Assert.Equal(TaskOutcome.TimedOut, hung.Tasks.Single(t => t.Input == 0).Status);
        Assert.All(hung.Tasks.Where(t => t.Input != 0), t => Assert.Equal(WorkerTasks.Expected(t.Input), t.Value));
        Assert.Equal([1, 3], parsed.Tasks.Where(t => t.Succeeded).Select(t => t.Value));
        var error = Assert.IsType<WorkerTaskException>(parsed.FailedTasks.Single().Exception);
        Assert.Equal("System.FormatException", error.RemoteType);
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public async Task A_registered_task_job_runs_in_the_worker_processes_by_name_and_stopping_the_pool_ends_them()
    {
        var registry = new TaskRegistry();
        // The parent's own registration is never run on an isolated pool: the worker's "checked" is.
        var task = registry.Register<long, long>("checked", _ => throw new InvalidOperationException("ran in the parent"));
        var pool = CreatePool();

        var report = await task.CreateJob(pool, ["1", "2", "3"]).RunAsync().WithinProcesses();
        var pids = (await pool.MapAsync(Enumerable.Range(0, 8).Select(i => (long)i), pool.Isolated<long, int>("pid")).WithinProcesses()).Distinct().ToArray();
        var processes = pids.Select(System.Diagnostics.Process.GetProcessById).ToArray();
        await pool.DisposeAsync();

        Assert.Equal(new[] { 1L, 2L, 3L }.Select(x => WorkerTasks.Expected(x).ToString()), report.Tasks.Select(t => t.Value));
        Assert.DoesNotContain(Environment.ProcessId, pids);
        await Task.WhenAll(processes.Select(p => p.WaitForExitAsync())).WithinProcesses();
    }

    [Fact]
    public async Task An_isolated_pool_on_a_system_without_remoting_is_refused_with_the_fix_named()
    {
        using var system = ActorSystem.Create("not-remote");
        var error = Assert.Throws<Akka.Configuration.ConfigurationException>(() =>
            new WorkerPool(system, new WorkerPoolOptions { Isolation = new WorkerIsolation { Processes = 1 } }));
        Assert.Contains("WorkerIsolation.LoopbackRemoteConfig", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerIsolation { Processes = 0 });
        await system.Terminate();
    }
}

internal static class ProcessPatience
{
    public static Task<T> WithinProcesses<T>(this Task<T> task) => task.WaitAsync(IsolatedPoolSpec.Patience);

    public static Task WithinProcesses(this Task task) => task.WaitAsync(IsolatedPoolSpec.Patience);
}
