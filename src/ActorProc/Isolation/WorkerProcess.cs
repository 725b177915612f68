using Akka.Configuration;

namespace ActorProc.Isolation;

/// <summary>
/// The child side of process isolation. A worker program registers its named tasks and hands over to
/// <see cref="RunAsync"/> when it was started by a pool:
/// <code>
/// static async Task&lt;int&gt; Main(string[] args)
/// {
///     var tasks = new TaskRegistry();
///     tasks.Register&lt;long, long&gt;("square", x =&gt; x * x);
///     if (WorkerProcess.IsWorker) return await WorkerProcess.RunAsync(tasks);
///     // ... the program itself, e.g. a pool with Isolation = new WorkerIsolation { Processes = 2 }
/// }
/// </code>
/// The worker starts an actor system bound to 127.0.0.1, registers with the pool (the secret from its
/// environment), runs the task batches it is sent one task at a time on a thread of its own, and returns
/// when the pool goes away: its process set stops, its connection is lost, or its process exits.
/// </summary>
public static class WorkerProcess
{
    /// <summary>True when this process was started as a pool's worker (its environment names a parent).</summary>
    public static bool IsWorker => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(WorkerEnvironment.Parent));

    /// <summary>Exit code of a worker that ends because its parent went away (the normal end).</summary>
    public const int ParentGone = 0;

    /// <summary>Exit code of a worker started without (or with a malformed) parent address or secret, or not accepted in time.</summary>
    public const int NotStartedByAPool = 3;

    /// <summary>
    /// Serves the pool that started this process until it goes away; returns the process's exit code
    /// (<see cref="ParentGone"/>, or <see cref="NotStartedByAPool"/> with a line on standard error).
    /// </summary>
    /// <param name="tasks">The named tasks the pool may run here.</param>
    /// <param name="cancellationToken">Ends the worker early.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tasks"/> is null.</exception>
    public static async Task<int> RunAsync(TaskRegistry tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var parent = Environment.GetEnvironmentVariable(WorkerEnvironment.Parent);
        var secret = Environment.GetEnvironmentVariable(WorkerEnvironment.Secret);
        if (string.IsNullOrEmpty(parent) || string.IsNullOrEmpty(secret) || !ActorPath.TryParse(parent, out var parentPath))
        {
            await Console.Error.WriteLineAsync($"actorproc worker: {WorkerEnvironment.Parent} and {WorkerEnvironment.Secret} must name the pool that started this process (got '{parent}').").ConfigureAwait(false);
            return NotStartedByAPool;
        }
        // Quiet: the parent reports what matters (a death and its cause); the worker's own remoting would
        // log an error with a stack trace each time its parent goes away.
        var system = ActorProcConfig.CreateSystem("actorproc-worker",
            ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF }").WithFallback(ConfigurationFactory.ParseString(IsolationHocon.Remote)));
        try
        {
            var ended = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var cancelled = cancellationToken.Register(() => ended.TrySetResult(ParentGone));
            WatchParentProcess(ended);
            system.ActorOf(Props.Create(() => new ChildWorker(tasks, parentPath!, secret, ended)).WithDispatcher(PoolDispatchers.Replacement), "worker");
            return await ended.Task.ConfigureAwait(false);
        }
        finally
        {
            // A short orderly stop closes the connection to the parent cleanly; no longer, since nothing of a worker outlives its parent.
            try
            {
                await system.Terminate().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // the process exits anyway
            }
        }
    }

    /// <summary>Ends the worker when the parent process exits, even if it was killed before the connection noticed.</summary>
    private static void WatchParentProcess(TaskCompletionSource<int> ended)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(WorkerEnvironment.ParentProcessId), out var pid)) return;
        Process parent;
        try
        {
            parent = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            ended.TrySetResult(ParentGone); // already gone
            return;
        }
        _ = parent.WaitForExitAsync().ContinueWith(_ => ended.TrySetResult(ParentGone), TaskScheduler.Default);
    }
}
