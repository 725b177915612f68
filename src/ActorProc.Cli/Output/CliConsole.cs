using System.Text;

namespace ActorProc.Cli.Output;

/// <summary>
/// Where the command writes: results to <see cref="Out"/> (the process's real stdout), everything
/// else to <see cref="Error"/>. <see cref="IsTerminal"/> says whether stdout is a terminal, which
/// decides between the live progress bar and summary table and plain, pipe-friendly text.
/// </summary>
/// <param name="Out">The results writer (stdout).</param>
/// <param name="Error">Messages, warnings and the plain-text summary (stderr).</param>
/// <param name="IsTerminal">True when stdout is an interactive terminal.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>
    /// The process's own streams. When stdout is a terminal the console's auto-flushing writer is kept
    /// (a person reads it as it comes); otherwise a buffered UTF-8 writer, so that a million result
    /// lines piped to a file are not a million system calls.
    /// </summary>
    public static CliConsole FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        var output = terminal
            ? Console.Out
            : new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        return new CliConsole(output, Console.Error, terminal);
    }
}
