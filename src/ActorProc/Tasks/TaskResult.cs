namespace ActorProc.Tasks;

/// <summary>
/// The outcome of one task: its input and position, its value or exception, its final
/// <see cref="Status"/>, how many attempts it took and how long the last one ran.
/// </summary>
/// <typeparam name="TIn">Input type.</typeparam>
/// <typeparam name="TOut">Output type.</typeparam>
public sealed class TaskResult<TIn, TOut> : ITaskResult
{
    private readonly TOut _value;

    internal TaskResult(TaskId id, TIn input, TaskOutcome status, TOut value, Exception? exception, int attempts, TimeSpan duration)
    {
        Id = id;
        Input = input;
        Status = status;
        _value = value;
        Exception = exception;
        Attempts = attempts;
        Duration = duration;
    }

    /// <inheritdoc />
    public TaskId Id { get; }

    /// <inheritdoc />
    public long Index => Id.Index;

    /// <summary>The input the task received.</summary>
    public TIn Input { get; }

    /// <inheritdoc />
    public TaskOutcome Status { get; }

    /// <summary>True when the task returned a value.</summary>
    public bool Succeeded => Status == TaskOutcome.Succeeded;

    /// <summary>The task's value.</summary>
    /// <exception cref="InvalidOperationException">The task did not succeed; the message names its status and error, and the error is the inner exception.</exception>
    public TOut Value => Status == TaskOutcome.Succeeded
        ? _value
        : throw new InvalidOperationException($"Task {Id} has no value: it {Describe(Status)}{(Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})")}.", Exception);

    /// <inheritdoc />
    public Exception? Exception { get; }

    /// <inheritdoc />
    public int Attempts { get; }

    /// <inheritdoc />
    public TimeSpan Duration { get; }

    object? ITaskResult.InputValue => Input;

    object? ITaskResult.OutputValue => Status == TaskOutcome.Succeeded ? _value : null;

    /// <summary>The value when the task succeeded, otherwise <paramref name="fallback"/>.</summary>
    public TOut GetValueOrDefault(TOut fallback) => Status == TaskOutcome.Succeeded ? _value : fallback;

    /// <inheritdoc />
    public override string ToString() => Status == TaskOutcome.Succeeded
        ? $"{Id} {Status} in {Duration.TotalMilliseconds:0.###} ms after {Attempts} attempt(s): {_value}"
        : $"{Id} {Status} after {Attempts} attempt(s): {Exception?.GetType().Name}: {Exception?.Message}";

    private static string Describe(TaskOutcome status) => status switch
    {
        TaskOutcome.Failed => "failed",
        TaskOutcome.TimedOut => "timed out",
        _ => "was cancelled",
    };
}
