namespace ActorProc.Isolation;

/// <summary>
/// The failure of a task whose worker process died while running it, e.g. "worker process 4242
/// exited with signal 6 (SIGABRT; exit code 134) while running task sumsq on input '1000000'". The task
/// is retried within the pool's retry budget (in a fresh process) before it is reported with this.
/// </summary>
public sealed class WorkerProcessExitedException : Exception
{
    /// <summary>Creates the exception; the message names the process, the cause and the task.</summary>
    /// <param name="processId">The dead process's id.</param>
    /// <param name="exitCode">Its exit code as .NET reports it (128 + N for a process ended by signal N on Unix).</param>
    /// <param name="taskName">The task it was running.</param>
    /// <param name="input">That task's input as text.</param>
    public WorkerProcessExitedException(int processId, int exitCode, string taskName, string input)
        : base($"worker process {processId} exited with {ExitDescription.Of(exitCode)} while running task {taskName} on input '{Shorten(input)}'")
    {
        ProcessId = processId;
        ExitCode = exitCode;
        TaskName = taskName;
    }

    /// <summary>The dead process's id.</summary>
    public int ProcessId { get; }

    /// <summary>Its exit code (128 + N for a process ended by signal N on Unix).</summary>
    public int ExitCode { get; }

    /// <summary>The task it was running.</summary>
    public string TaskName { get; }

    private static string Shorten(string input) => input.Length <= 200 ? input : input[..200] + "…";
}
