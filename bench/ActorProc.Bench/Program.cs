using ActorProc.Bench.Harness;

namespace ActorProc.Bench;

/// <summary>Process entry point: handles --server-gc, keeps stdout clean, then runs <see cref="BenchProgram"/>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // The "isolated" scenario's worker processes are this program, started again by its pool.
        if (ActorProc.Isolation.WorkerProcess.IsWorker)
        {
            return ActorProc.Isolation.WorkerProcess.RunAsync(Scenarios.Isolated.Registry()).GetAwaiter().GetResult();
        }

        if (ServerGcRelauncher.ShouldRelaunch(args))
        {
            return ServerGcRelauncher.Relaunch(args);
        }

        // Only the report may reach stdout (--json promises exactly one document there), so
        // anything else that writes to Console.Out, such as a console logger, goes to stderr.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        return BenchProgram.Run(args, stdout, Console.Error);
    }
}
