namespace ActorProc.Isolation;

/// <summary>Marks the messages that cross between a pool and its worker processes; all are bound to <see cref="IsolationSerializer"/>.</summary>
internal interface IIsolationMessage;

/// <summary>Child → pool, sent by the child's worker actor at start: "I am process <paramref name="ProcessId"/> and I know the secret".</summary>
internal sealed record RegisterWorker(string Secret, int ProcessId) : IIsolationMessage;

/// <summary>Pool → child: the registration was accepted; the child watches the sender (the pool's process set) and exits when it goes.</summary>
internal sealed class WorkerAccepted : IIsolationMessage
{
    public static readonly WorkerAccepted Instance = new();
}

/// <summary>One named task for a child: its id within the pool, the task's name and its input as text.</summary>
internal sealed record TaskRequest(long Id, string TaskName, string Input);

/// <summary>Pool → child: run these tasks in order, answering with <see cref="TaskReplies"/>.</summary>
internal sealed record RunTasks(string Secret, IReadOnlyList<TaskRequest> Tasks) : IIsolationMessage;

/// <summary>
/// The outcome of one task: <paramref name="Output"/> (the task's output as JSON) when it succeeded;
/// otherwise the .NET type name and message of its exception. <paramref name="RunMicroseconds"/> is how
/// long it ran in the child (the pool sizes its batches by it).
/// </summary>
internal sealed record TaskReply(long Id, string? Output, string? ErrorType, string? ErrorMessage, long RunMicroseconds = 0);

/// <summary>Child → pool: the outcomes of one or more tasks, in the order they ran.</summary>
internal sealed record TaskReplies(IReadOnlyList<TaskReply> Replies) : IIsolationMessage
{
    public TaskReplies(TaskReply reply) : this([reply])
    {
    }
}

// ---- local to the pool's process ----

/// <summary>Run a named task in some worker process and complete <paramref name="Completion"/> with its JSON output.</summary>
internal sealed record RunIsolated(long Id, string TaskName, string Input, TaskCompletionSource<string> Completion, CancellationToken Token);

/// <summary>The caller's token fired for task <paramref name="Id"/>: drop it, or kill the process running it.</summary>
internal sealed record CancelIsolated(long Id);

/// <summary>The worker process of slot <paramref name="Slot"/> (start number <paramref name="Generation"/>) has exited.</summary>
internal sealed record WorkerProcessExited(int Slot, int Generation, int ExitCode);

/// <summary>Time to (re)start the worker process of slot <paramref name="Slot"/>.</summary>
internal sealed record StartWorkerProcess(int Slot);

/// <summary>The process of slot <paramref name="Slot"/> (start <paramref name="Generation"/>) did not register within the start timeout.</summary>
internal sealed record WorkerStartTimedOut(int Slot, int Generation);
