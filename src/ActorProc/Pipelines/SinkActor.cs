using System.Threading.Channels;

namespace ActorProc.Pipelines;

/// <summary>
/// The end of a pipeline run: puts results into the consumer's channel and failed items into the
/// errors channel, forwards the consumer's demand to the last stage, and when the last stage is done
/// completes the run and stops every actor of the run with a <see cref="PoisonPill"/> (after the
/// messages already queued to them, so nothing becomes a dead letter). It stops itself once the run is
/// complete and the consumer is done with the results (<see cref="PipelineRun{TOut}"/> tells it).
/// </summary>
internal sealed class SinkActor(ChannelWriter<object?> results, ChannelWriter<PipelineError> errors, TaskCompletionSource<PipelineSummary> completion,
    PipelineCounters counters, int resultBuffer) : UntypedActor
{
    private readonly List<PipelineError> _errors = [];
    private IActorRef? _last;
    private IReadOnlyList<IActorRef> _actors = [];
    private bool _done;
    private bool _consumerDone;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Wire wire:
                _last = wire.Last;
                _actors = wire.Actors;
                _last.Tell(new Demand(resultBuffer), Self);
                break;
            case StageItem item:
                counters.Succeeded++;
                results.TryWrite(item.Value);
                break;
            case StageFailed failed:
                counters.Failed++;
                _errors.Add(failed.Error);
                errors.TryWrite(failed.Error);
                break;
            case ConsumerDemand demand:
                if (!_done) _last?.Tell(new Demand(demand.Count), Self);
                break;
            case UpstreamDone done:
                Complete(done.Error);
                if (_consumerDone) Context.Stop(Self);
                break;
            case ConsumerDone:
                _consumerDone = true;
                if (_done) Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Complete(Exception? error)
    {
        _done = true;
        foreach (var actor in _actors) actor.Tell(PoisonPill.Instance, Self);
        results.TryComplete(error);
        errors.TryComplete();
        var summary = new PipelineSummary(Volatile.Read(ref counters.Read), counters.Succeeded, counters.Failed, _errors.ToArray());
        if (error is OperationCanceledException cancelled) completion.TrySetCanceled(cancelled.CancellationToken);
        else if (error is not null) completion.TrySetException(error);
        else completion.TrySetResult(summary);
    }

    /// <summary>Connects the sink to the last stage and tells it every actor of the run.</summary>
    public sealed record Wire(IActorRef Last, IReadOnlyList<IActorRef> Actors);

    /// <summary>The consumer took <paramref name="Count"/> results.</summary>
    public sealed record ConsumerDemand(int Count);

    /// <summary>The consumer stopped reading results (at the end, or early after cancelling the run).</summary>
    public sealed class ConsumerDone
    {
        public static readonly ConsumerDone Instance = new();
    }
}
