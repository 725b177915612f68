namespace ActorProc.Isolation;

/// <summary>Names how a process ended, from the exit code .NET reports.</summary>
internal static class ExitDescription
{
    /// <summary>
    /// "signal 9 (SIGKILL; exit code 137)" for a process ended by a signal (.NET reports 128 + N on
    /// Unix), otherwise "exit code N". <see cref="Environment.FailFast(string)"/> aborts: signal 6.
    /// </summary>
    public static string Of(int exitCode)
    {
        if (!OperatingSystem.IsWindows() && exitCode is > 128 and < 128 + 65)
        {
            var signal = exitCode - 128;
            return $"signal {signal} ({SignalName(signal)}; exit code {exitCode})";
        }
        return $"exit code {exitCode}";
    }

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => $"signal {signal}",
    };
}
