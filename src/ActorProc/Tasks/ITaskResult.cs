namespace ActorProc.Tasks;

/// <summary>The outcome of one task without its static types (used by reports, exceptions and the CLI).</summary>
public interface ITaskResult
{
    /// <summary>The task's stable id.</summary>
    TaskId Id { get; }

    /// <summary>0-based position of the input in the job's source.</summary>
    long Index { get; }

    /// <summary>The input the task received.</summary>
    object? InputValue { get; }

    /// <summary>The returned value when <see cref="Status"/> is <see cref="TaskOutcome.Succeeded"/>; otherwise null.</summary>
    object? OutputValue { get; }

    /// <summary>The final state.</summary>
    TaskOutcome Status { get; }

    /// <summary>The error of the last attempt (the task's exception, a <see cref="TaskTimeoutException"/>, or an <see cref="OperationCanceledException"/>); null on success.</summary>
    Exception? Exception { get; }

    /// <summary>How many times the task was started (0 when it was cancelled before its first start).</summary>
    int Attempts { get; }

    /// <summary>Run time of the last attempt.</summary>
    TimeSpan Duration { get; }
}
