using ActorProc.Jobs;

namespace ActorProc.Reports;

/// <summary>A <see cref="JobReport"/> with typed task results.</summary>
/// <typeparam name="TIn">Input type.</typeparam>
/// <typeparam name="TOut">Output type.</typeparam>
public sealed class JobReport<TIn, TOut> : JobReport
{
    internal JobReport(JobCompletion completion, IReadOnlyList<TaskResult<TIn, TOut>> tasks) : base(completion) => Tasks = tasks;

    /// <summary>Every task's outcome, in input order: each input of the job appears exactly once.</summary>
    public IReadOnlyList<TaskResult<TIn, TOut>> Tasks { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ITaskResult> Results => Tasks;

    /// <summary>The tasks that succeeded, in input order.</summary>
    public IEnumerable<TaskResult<TIn, TOut>> SucceededTasks => Tasks.Where(static t => t.Status == TaskOutcome.Succeeded);

    /// <summary>The tasks that did not succeed, in input order.</summary>
    public IEnumerable<TaskResult<TIn, TOut>> FailedTasks => Tasks.Where(static t => t.Status != TaskOutcome.Succeeded);
}
