using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ActorProc.Pipelines;

/// <summary>
/// One run of a pipeline. Read <see cref="Results"/> (once) to drive it: results are produced only a
/// little ahead of the reader (<see cref="PipelineOptions.ResultBuffer"/>), so a run whose results are
/// never read stops after that many. Failed items go to <see cref="Errors"/> (optional to read) and are
/// listed in the summary of <see cref="Completion"/>.
/// </summary>
/// <typeparam name="TOut">The last stage's output type.</typeparam>
public sealed class PipelineRun<TOut>
{
    private readonly Channel<object?> _results;
    private readonly Channel<PipelineError> _errors;
    private readonly IActorRef _sink;
    private readonly CancellationTokenSource _cancellation;
    private int _reading;

    internal PipelineRun(Channel<object?> results, Channel<PipelineError> errors, Task<PipelineSummary> completion, IActorRef sink, CancellationTokenSource cancellation)
    {
        _results = results;
        _errors = errors;
        _sink = sink;
        _cancellation = cancellation;
        Completion = completion;
    }

    /// <summary>
    /// Completes with the run's summary once the last item left the pipeline; faults with the source's
    /// exception if reading the source failed, or is cancelled when the run was cancelled.
    /// </summary>
    public Task<PipelineSummary> Completion { get; }

    /// <summary>
    /// The results of the last stage (in source order with <see cref="PipelineOptions.Ordered"/>). Ends
    /// when the pipeline completes; throws the source's exception when the source failed. Leaving the
    /// loop early cancels the run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The results are enumerated a second time.</exception>
    public IAsyncEnumerable<TOut> Results => Interlocked.Exchange(ref _reading, 1) == 0
        ? ReadResults(CancellationToken.None)
        : throw new InvalidOperationException("The results of a pipeline run can be read only once.");

    /// <summary>Items that failed in a stage, as they fail; ends when the run completes.</summary>
    public IAsyncEnumerable<PipelineError> Errors => _errors.Reader.ReadAllAsync();

    /// <summary>Cancels the run: the source stops, async stage functions see their token cancelled, and <see cref="Completion"/> is cancelled.</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over already.
        }
    }

    private async IAsyncEnumerable<TOut> ReadResults([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = _results.Reader;
        var completed = false;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var value))
                {
                    _sink.Tell(new SinkActor.ConsumerDemand(1), null);
                    yield return (TOut)value!;
                }
            }
            completed = true;
        }
        finally
        {
            if (!completed) Cancel();
            _sink.Tell(SinkActor.ConsumerDone.Instance, null);
        }
    }
}
