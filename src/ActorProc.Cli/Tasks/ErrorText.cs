using System.Runtime.InteropServices;

namespace ActorProc.Cli.Tasks;

/// <summary>Turns a task's exception into the one-line message shown in <c>errors</c>.</summary>
internal static class ErrorText
{
    /// <summary>The message of an input that was cancelled (not started, or stopped before it finished).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>ENOENT, the same number on Linux and macOS.</summary>
    private const int NoSuchFile = 2;

    /// <summary>
    /// The message of <paramref name="error"/>. For I/O errors .NET puts the operating system's own
    /// text ("Permission denied", "No such file or directory") in an inner exception; it is appended
    /// so the reader sees both the path and the OS reason.
    /// </summary>
    public static string Describe(Exception? error, TaskOutcome status)
    {
        if (status == TaskOutcome.Cancelled || error is OperationCanceledException) return Cancelled;
        if (error is null) return status == TaskOutcome.TimedOut ? "timed out" : "failed";
        if (error is ActorProc.Isolation.WorkerTaskException remote) return Describe(remote);
        var message = error.Message;
        if (error.InnerException is IOException { Message: { Length: > 0 } os } && !message.Contains(os, StringComparison.Ordinal))
            message = $"{message} ({os})";
        else if (error is FileNotFoundException or DirectoryNotFoundException && !OperatingSystem.IsWindows())
            message = $"{message} ({Marshal.GetPInvokeErrorMessage(NoSuchFile)})"; // .NET keeps no inner exception for ENOENT
        message = message.ReplaceLineEndings(" "); // one error, one line (ArgumentException adds "Actual value was ..." on a new line)
        return error is IOException or UnauthorizedAccessException or TaskTimeoutException ? message : $"{error.GetType().Name}: {message}";
    }

    /// <summary>A task's exception from a worker process (<c>--isolate</c>), worded as it reads in-process.</summary>
    private static string Describe(ActorProc.Isolation.WorkerTaskException remote)
    {
        var message = remote.Message;
        if (remote.RemoteType is "System.IO.FileNotFoundException" or "System.IO.DirectoryNotFoundException" && !OperatingSystem.IsWindows()
            && !message.Contains(Marshal.GetPInvokeErrorMessage(NoSuchFile), StringComparison.Ordinal))
            message = $"{message} ({Marshal.GetPInvokeErrorMessage(NoSuchFile)})";
        message = message.ReplaceLineEndings(" ");
        var io = remote.RemoteType.StartsWith("System.IO.", StringComparison.Ordinal) || remote.RemoteType is "System.UnauthorizedAccessException";
        return io ? message : $"{remote.RemoteTypeName}: {message}";
    }
}
