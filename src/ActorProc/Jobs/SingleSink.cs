namespace ActorProc.Jobs;

/// <summary>The sink of a submitted task: completes with its one outcome. Job actor only.</summary>
internal sealed class SingleSink<TIn, TOut> : JobSink<TIn, TOut>
{
    private readonly TaskCompletionSource<TaskResult<TIn, TOut>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TaskResult<TIn, TOut>> Result => _result.Task;

    public override void OnSucceeded(TaskId id, TIn input, TOut value, int attempts, long durationTicks)
    {
        _result.TrySetResult(new TaskResult<TIn, TOut>(id, input, TaskOutcome.Succeeded, value, null, attempts, Durations.FromStopwatchTicks(durationTicks)));
        Release(1);
    }

    public override void OnNotSucceeded(TaskResult<TIn, TOut> result)
    {
        _result.TrySetResult(result);
        Release(1);
    }

    public override void Complete(JobCompletion completion)
    {
        if (_result.Task.IsCompleted) return;
        var error = completion.SourceError ?? new InvalidOperationException($"Job {completion.JobId} ended without an outcome for its task ({completion.Reason ?? completion.Outcome.ToString()}).");
        _result.TrySetException(error);
    }
}
