using System.Diagnostics;
using ActorProc.Isolation;

namespace ActorProc.TestKit.Faults;

/// <summary>Ends the current worker process for <see cref="FaultKind.FailFastWorkerProcess"/> and <see cref="FaultKind.KillWorkerProcess"/>.</summary>
internal static class WorkerProcessFaults
{
    /// <summary>Does not return in a worker process; elsewhere throws, so a plan can never end the process running the tests.</summary>
    /// <exception cref="InvalidOperationException">This process is not a pool's worker process.</exception>
    public static void End<TIn>(InjectedFault<TIn> fault)
    {
        var what = $"Injected {fault.Kind} on call {fault.Call} (input {fault.Input}, attempt {fault.Attempt})";
        if (!WorkerProcess.IsWorker)
            throw new InvalidOperationException($"{what}: this process is not a worker process of an isolated pool (WorkerPoolOptions.Isolation), so it is not ended.");
        Console.Error.Flush();
        if (fault.Kind == FaultKind.KillWorkerProcess) Process.GetCurrentProcess().Kill();
        Environment.FailFast(what);
    }
}
