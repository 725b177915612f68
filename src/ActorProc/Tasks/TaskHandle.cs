using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ActorProc.Tasks;

/// <summary>
/// A submitted task (Python's <c>apply_async</c> / <c>submit()</c> future): await it for the value,
/// or look at <see cref="Outcome"/> for the full result without exceptions.
/// </summary>
/// <typeparam name="TIn">Input type.</typeparam>
/// <typeparam name="TOut">Output type.</typeparam>
public sealed class TaskHandle<TIn, TOut>
{
    private readonly Action _cancel;
    private Task<TOut>? _task;

    internal TaskHandle(TaskId id, Task<TaskResult<TIn, TOut>> outcome, Action cancel)
    {
        Id = id;
        Outcome = outcome;
        _cancel = cancel;
    }

    /// <summary>The task's stable id.</summary>
    public TaskId Id { get; }

    /// <summary>Completes with the task's outcome (value or error, attempts, duration); does not fault for task failures.</summary>
    public Task<TaskResult<TIn, TOut>> Outcome { get; }

    /// <summary>
    /// Completes with the task's value, or faults with its exception (the task's own, a
    /// <see cref="TaskTimeoutException"/>), or is cancelled.
    /// </summary>
    /// <remarks>Created on first use, so a handle used only through <see cref="Outcome"/> leaves no unobserved faulted task behind.</remarks>
    public Task<TOut> Task => LazyInitializer.EnsureInitialized(ref _task, () => ValueAsync(Outcome));

    /// <summary>True once the task reached its final state.</summary>
    public bool IsCompleted => Outcome.IsCompleted;

    /// <summary>Cancels the task: if it has not started it never will; a running async task gets its token cancelled. The outcome is then Cancelled.</summary>
    public void Cancel() => _cancel();

    /// <summary>Lets <c>await handle</c> return the value (or throw).</summary>
    public TaskAwaiter<TOut> GetAwaiter() => Task.GetAwaiter();

    private static async Task<TOut> ValueAsync(Task<TaskResult<TIn, TOut>> outcome)
    {
        var result = await outcome.ConfigureAwait(false);
        if (result.Status == TaskOutcome.Succeeded) return result.Value;
        if (result.Status == TaskOutcome.Cancelled) throw new OperationCanceledException($"Task {result.Id} was cancelled.", result.Exception);
        ExceptionDispatchInfo.Throw(result.Exception!); // the task's own exception, with its original stack trace
        return default!;
    }
}
