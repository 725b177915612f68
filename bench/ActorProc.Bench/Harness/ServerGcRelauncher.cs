using System.Diagnostics;
using System.Runtime;

namespace ActorProc.Bench.Harness;

/// <summary>
/// Implements --server-gc: the GC flavour is fixed at process start (the project file asks
/// for the workstation GC), so the program starts itself again with DOTNET_gcServer=1 and
/// the same arguments, inheriting stdin/stdout/stderr, and returns the child's exit code.
/// </summary>
internal static class ServerGcRelauncher
{
    private const string RelaunchedVariable = "ACTORPROC_BENCH_RELAUNCHED";

    /// <summary>True when --server-gc is asked for and this process is not already the server-GC child.</summary>
    public static bool ShouldRelaunch(string[] args) =>
        args.Contains("--server-gc")
        && !GCSettings.IsServerGC
        // Guards against a loop if the runtime ignores the variable.
        && Environment.GetEnvironmentVariable(RelaunchedVariable) != "1";

    /// <summary>Runs this program again under the server GC and waits for it.</summary>
    public static int Relaunch(string[] args)
    {
        var start = new ProcessStartInfo { UseShellExecute = false };
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's executable");
        start.FileName = processPath;
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet ActorProc.Bench.dll`: pass the assembly to the host again.
            start.ArgumentList.Add(typeof(ServerGcRelauncher).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment[RelaunchedVariable] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the server-GC child process");
        child.WaitForExit();
        return child.ExitCode;
    }
}
