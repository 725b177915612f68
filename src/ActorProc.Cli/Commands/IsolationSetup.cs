using ActorProc.Cli.Tasks;
using ActorProc.Isolation;

namespace ActorProc.Cli.Commands;

/// <summary>Turns <c>--isolate</c> into the pool's <see cref="WorkerIsolation"/>: this same program, started as <c>actorproc worker</c>.</summary>
internal static class IsolationSetup
{
    /// <exception cref="UsageException">The task cannot run in worker processes.</exception>
    public static WorkerPoolOptions Apply(ICliTask task, RunSettings settings, WorkerPoolOptions options)
    {
        if (settings.IsolateProcesses is not { } processes) return options;
        if (task is not IIsolatedCliTask isolated)
            throw new UsageException($"--isolate: task '{task.Name}' runs in this process only (tasks that can run in worker processes: sumsq, primes, hash and plugin tasks).");
        string[] arguments = [WorkerCommand.Name, .. isolated.WorkerArguments];
        return options with
        {
            Isolation = new WorkerIsolation
            {
                Processes = processes == 0 ? options.Workers : processes,
                StartInfo = () => WorkerProcessStart.CurrentProgram(arguments),
            },
        };
    }
}
