using System.Collections.Concurrent;

namespace ActorProc.Isolation;

/// <summary>
/// Every worker process this process has started and not yet seen exit, so that they are killed when
/// this process exits normally (a program need not stop its pools first; .NET has no
/// PR_SET_PDEATHSIG). A parent that is killed outright cannot do this: its children notice through the
/// parent's pid and their lost connection and exit by themselves.
/// <para>Concurrency contract: any thread adds and removes (a concurrent dictionary); the exit hook runs once.</para>
/// </summary>
internal static class LiveWorkerProcesses
{
    private static readonly ConcurrentDictionary<Process, byte> Processes = new();
    private static int _hooked;

    public static void Add(Process process)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Processes.TryAdd(process, 0);
    }

    public static void Remove(Process process) => Processes.TryRemove(process, out _);

    /// <summary>Kills <paramref name="process"/> (and its own children) if it still runs; never throws.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // exited meanwhile, or never started
        }
    }

    /// <summary>True once this process is exiting: the deaths that follow are expected, not news.</summary>
    public static bool Exiting { get; private set; }

    private static void KillAll()
    {
        Exiting = true;
        foreach (var process in Processes.Keys) Kill(process);
    }
}
