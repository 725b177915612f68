using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ActorProc.Jobs;

/// <summary>
/// The sink of the streaming operations: outcomes go to an unbounded channel read by one consumer,
/// in completion order (<c>AsCompleted</c>) or, with <c>ordered</c>, in input order through a reorder
/// buffer (<c>AsOrdered</c>). The channel cannot grow past the window: an outcome keeps its window
/// slot until the consumer asks for the next one (<see cref="ReadAllAsync"/> releases it then), and the
/// reorder buffer only holds outcomes that are in the window too.
/// <para>
/// Concurrency contract: the <c>On…</c> methods and <see cref="Complete"/> run on the job actor (the
/// channel's single writer); <see cref="ReadAllAsync"/> runs on the consumer (its single reader).
/// </para>
/// </summary>
internal sealed class StreamSink<TIn, TOut>(bool ordered) : JobSink<TIn, TOut>
{
    private readonly Channel<TaskResult<TIn, TOut>> _channel =
        Channel.CreateUnbounded<TaskResult<TIn, TOut>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Ordered mode: outcomes that arrived before an earlier input's, by index.</summary>
    private readonly Dictionary<long, TaskResult<TIn, TOut>> _early = [];

    private long _nextIndex;

    public override bool IsStreaming => true;

    public override void OnSucceeded(TaskId id, TIn input, TOut value, int attempts, long durationTicks) =>
        Emit(new TaskResult<TIn, TOut>(id, input, TaskOutcome.Succeeded, value, null, attempts, Durations.FromStopwatchTicks(durationTicks)));

    public override void OnNotSucceeded(TaskResult<TIn, TOut> result) => Emit(result);

    public override void Complete(JobCompletion completion)
    {
        // Ordered mode: anything still buffered waits for an index that will never come (a lazy source
        // stopped early); flush it in order so no outcome is lost.
        foreach (var result in _early.Values.OrderBy(r => r.Index)) _channel.Writer.TryWrite(result);
        _early.Clear();
        _channel.Writer.TryComplete(completion.SourceError);
    }

    private void Emit(TaskResult<TIn, TOut> result)
    {
        if (!ordered)
        {
            _channel.Writer.TryWrite(result);
            return;
        }
        if (result.Index != _nextIndex)
        {
            _early.Add(result.Index, result);
            return;
        }
        _channel.Writer.TryWrite(result);
        _nextIndex++;
        while (_early.Remove(_nextIndex, out var next))
        {
            _channel.Writer.TryWrite(next);
            _nextIndex++;
        }
    }

    /// <summary>
    /// Reads every outcome. Cancelling <paramref name="cancellationToken"/> cancels the job, whose
    /// remaining tasks then arrive as Cancelled outcomes; leaving the loop early cancels the job too.
    /// </summary>
    public async IAsyncEnumerable<TaskResult<TIn, TOut>> ReadAllAsync(JobControl control, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.UnsafeRegister(static s => ((JobControl)s!).RequestCancel(false), control);
        var reader = _channel.Reader;
        var completed = false;
        var taken = 0L;
        try
        {
            // No token on the wait: after a cancellation the job still delivers the Cancelled outcomes.
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (reader.TryRead(out var result))
                {
                    // The previous outcome stays in the window until the consumer comes back for this one.
                    if (taken++ > 0) Release(1);
                    yield return result;
                }
            }
            completed = true;
        }
        finally
        {
            if (!completed) control.RequestCancel(false);
        }
    }
}
