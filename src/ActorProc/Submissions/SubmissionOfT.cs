namespace ActorProc.Submissions;

/// <summary>A submitted task with its delegate, input and outcome (see <see cref="Submission"/>).</summary>
internal sealed class Submission<TIn, TOut> : Submission
{
    private readonly Func<TIn, TOut>? _work;
    private readonly Func<TIn, CancellationToken, Task<TOut>>? _asyncWork;
    private readonly TIn _input;
    private readonly TaskCompletionSource<TaskResult<TIn, TOut>> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _running;
    private TOut _value = default!;

    public Submission(TaskId id, TIn input, Func<TIn, TOut>? work, Func<TIn, CancellationToken, Task<TOut>>? asyncWork) : base(id)
    {
        _input = input;
        _work = work;
        _asyncWork = asyncWork;
    }

    public Task<TaskResult<TIn, TOut>> Outcome => _outcome.Task;

    public override void Run()
    {
        if (!IsCancelled) _value = _work!(_input);
    }

    public override async Task RunAsync(CancellationToken jobToken)
    {
        if (IsCancelled) return;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        Volatile.Write(ref _running, running);
        if (IsCancelled) running.Cancel(); // Cancel() ran before the source was visible to it
        try
        {
            _value = await _asyncWork!(_input, running.Token).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _running, null);
        }
    }

    public override void CompleteSucceeded(int attempts, long durationTicks)
    {
        if (IsCancelled) CompleteCancelled(attempts);
        else _outcome.TrySetResult(new TaskResult<TIn, TOut>(Id, _input, TaskOutcome.Succeeded, _value, null, attempts, Durations.FromStopwatchTicks(durationTicks)));
    }

    public override void CompleteNotSucceeded(TaskOutcome status, Exception? error, int attempts, TimeSpan duration)
    {
        if (IsCancelled && error is OperationCanceledException) status = TaskOutcome.Cancelled;
        _outcome.TrySetResult(new TaskResult<TIn, TOut>(Id, _input, status, default!, error, attempts, duration));
    }

    protected override void OnCancelled()
    {
        try
        {
            Volatile.Read(ref _running)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The task finished between the read and the cancel: nothing left to cancel.
        }
        CompleteCancelled(0);
    }

    private void CompleteCancelled(int attempts) =>
        _outcome.TrySetResult(new TaskResult<TIn, TOut>(Id, _input, TaskOutcome.Cancelled, default!,
            new OperationCanceledException($"Task {Id} was cancelled."), attempts, TimeSpan.Zero));
}
