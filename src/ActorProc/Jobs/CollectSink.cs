namespace ActorProc.Jobs;

/// <summary>
/// The sink of <c>MapAsync</c> (values in input order) and <c>ForEachAsync</c> (no values): keeps the
/// values by index and the tasks that did not succeed, and completes with the values, a
/// <see cref="JobFailedException"/>, a cancellation, or the source's error. Accepts fast chunks; for
/// list sources, fast chunks write their values straight into <see cref="DirectResults"/>.
/// Job actor only (see <see cref="JobSink{TIn,TOut}"/>).
/// </summary>
internal sealed class CollectSink<TIn, TOut> : JobSink<TIn, TOut>
{
    private readonly TaskCompletionSource<IReadOnlyList<TOut>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ITaskResult> _failures = [];
    private readonly bool _keepValues;
    private readonly bool _direct;
    private TOut[] _values;

    /// <param name="keepValues">False for for-each: values are dropped.</param>
    /// <param name="listCount">The number of inputs of a list source (values are then stored in place by workers), or null.</param>
    public CollectSink(bool keepValues, int? listCount)
    {
        _keepValues = keepValues;
        _direct = keepValues && listCount is not null;
        // Every slot is written before the array is returned (any gap means the job failed and the
        // array is dropped), so it need not be zeroed.
        _values = _direct ? GC.AllocateUninitializedArray<TOut>(listCount!.Value) : [];
    }

    public Task<IReadOnlyList<TOut>> Result => _result.Task;

    public override bool AcceptsFastChunks => true;
    public override TOut[]? DirectResults => _direct ? _values : null;
    public override bool DiscardsValues => !_keepValues;

    public override void OnTotalKnown(long total)
    {
        if (_keepValues && !_direct && _values.Length < total) _values = new TOut[total];
    }

    public override void OnSucceeded(TaskId id, TIn input, TOut value, int attempts, long durationTicks)
    {
        if (_keepValues) Store(id.Index, value);
        Release(1);
    }

    public override void OnFastRange(SyncChunk<TIn, TOut> chunk, int from, int to, int succeeded)
    {
        if (_keepValues && !_direct)
        {
            var values = chunk.Results!;
            var errors = chunk.Errors;
            for (var i = from; i < to; i++)
                if (errors?[i] is null) Store(chunk.BaseIndex + i, values[i]);
        }
        Release(succeeded);
    }

    public override void OnLeaseSucceeded(long count) => Release(count);

    public override void OnNotSucceeded(TaskResult<TIn, TOut> result)
    {
        _failures.Add(result);
        Release(1);
    }

    public override void Complete(JobCompletion completion)
    {
        if (completion.SourceError is { } error) _result.TrySetException(error);
        else if (completion.Outcome == JobOutcome.Cancelled) _result.TrySetCanceled(completion.CancelledBy);
        else if (_failures.Count > 0 || completion.Outcome != JobOutcome.Completed)
        {
            _failures.Sort(static (a, b) => a.Index.CompareTo(b.Index));
            _result.TrySetException(new JobFailedException(completion.JobId, completion.Succeeded, _failures, completion.Reason));
        }
        else
        {
            if (_keepValues && _values.Length != completion.Total) Array.Resize(ref _values, (int)completion.Total);
            _result.TrySetResult(_keepValues ? _values : []);
        }
    }

    private void Store(long index, TOut value)
    {
        if (index >= _values.Length) Array.Resize(ref _values, (int)Math.Min(Array.MaxLength, Math.Max(index + 1, Math.Max(16, _values.Length * 2L))));
        _values[index] = value;
    }
}
