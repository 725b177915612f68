namespace ActorProc.Jobs;

/// <summary>
/// The sink of <c>RunAsync</c>: records every task's outcome at its index and completes with a
/// <see cref="JobReport{TIn,TOut}"/> listing all of them in input order (or with the source's error).
/// Indices are dense (every input read gets exactly one outcome), so outcomes are placed, not sorted.
/// Job actor only.
/// </summary>
internal sealed class ReportSink<TIn, TOut> : JobSink<TIn, TOut>
{
    private readonly TaskCompletionSource<JobReport<TIn, TOut>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskResult<TIn, TOut>[] _tasks = [];

    public Task<JobReport<TIn, TOut>> Result => _result.Task;

    public override void OnTotalKnown(long total) => _tasks = new TaskResult<TIn, TOut>[total];

    public override void OnSucceeded(TaskId id, TIn input, TOut value, int attempts, long durationTicks) =>
        Place(new TaskResult<TIn, TOut>(id, input, TaskOutcome.Succeeded, value, null, attempts, Durations.FromStopwatchTicks(durationTicks)));

    public override void OnNotSucceeded(TaskResult<TIn, TOut> result) => Place(result);

    public override void Complete(JobCompletion completion)
    {
        if (completion.SourceError is { } error)
        {
            _result.TrySetException(error);
            return;
        }
        if (_tasks.Length != completion.Total) Array.Resize(ref _tasks, (int)completion.Total);
        Debug.Assert(Array.TrueForAll(_tasks, t => t is not null), "every input read has exactly one outcome");
        _result.TrySetResult(new JobReport<TIn, TOut>(completion, _tasks));
    }

    private void Place(TaskResult<TIn, TOut> result)
    {
        var index = result.Index;
        if (index >= _tasks.Length) Array.Resize(ref _tasks, (int)Math.Min(Array.MaxLength, Math.Max(index + 1, Math.Max(16, _tasks.Length * 2L))));
        Debug.Assert(_tasks[index] is null, "an input gets one outcome");
        _tasks[index] = result;
        Release(1);
    }
}
