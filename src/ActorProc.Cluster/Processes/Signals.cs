using System.Runtime.InteropServices;

namespace ActorProc.Cluster.Processes;

/// <summary>POSIX signals to a process id (Linux numbering; the node processes run on Linux and macOS).</summary>
internal static class Signals
{
    public const int Term = 15;
    public const int Kill = 9;

    /// <summary>SIGSTOP/SIGCONT differ between Linux (19/18) and macOS/BSD (17/19).</summary>
    public static int Stop => OperatingSystem.IsLinux() ? 19 : 17;

    /// <inheritdoc cref="Stop"/>
    public static int Continue => OperatingSystem.IsLinux() ? 18 : 19;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">On Windows (no signals).</exception>
    /// <exception cref="InvalidOperationException">kill(2) failed (e.g. the process is gone); the message has errno.</exception>
    public static void Send(int pid, int signal)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Pausing and resuming node processes needs POSIX signals (Linux or macOS).");
        if (SendSignal(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
