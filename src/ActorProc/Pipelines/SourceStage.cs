namespace ActorProc.Pipelines;

/// <summary>
/// The first actor of a pipeline run: reads the source only as far as the first stage's demand allows,
/// so a slow pipeline never makes the source run ahead. An async pull that does not complete at once
/// comes back as a message; the actor never blocks on it. It ends the stream with
/// <see cref="UpstreamDone"/> (carrying the source's exception, or the cancellation).
/// </summary>
internal sealed class SourceStage<TIn>(IEnumerable<TIn>? items, IAsyncEnumerable<TIn>? asyncItems, IActorRef downstream,
    PipelineCounters counters, CancellationToken token) : UntypedActor
{
    private IEnumerator<TIn>? _enumerator;
    private IAsyncEnumerator<TIn>? _asyncEnumerator;
    private long _credit;
    private long _index;
    private bool _pending;
    private bool _done;

    protected override void PreStart() =>
        token.UnsafeRegister(static s => ((IActorRef)s!).Tell(new CancelPipeline(new OperationCanceledException("The pipeline run was cancelled.")), null), Self);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Demand demand:
                _credit += demand.Count;
                Pull();
                break;
            case Task<bool> moveNext:
                _pending = false;
                if (moveNext.IsCompletedSuccessfully) Deliver(moveNext.GetAwaiter().GetResult()); // completed: does not block
                else Finish(moveNext.Exception?.InnerException ?? new OperationCanceledException("The pipeline source was cancelled."));
                Pull();
                break;
            case CancelPipeline cancel:
                Finish(cancel.Reason);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        if (_pending) return; // an async pull is still running: the cancelled token ends it
        try
        {
            _enumerator?.Dispose();
            _ = _asyncEnumerator?.DisposeAsync().AsTask();
        }
        catch (Exception e)
        {
            Context.GetLogger().Warning("Disposing the pipeline source threw {0}: {1}", e.GetType().Name, e.Message);
        }
    }

    private void Pull()
    {
        try
        {
            while (_credit > 0 && !_done && !_pending)
            {
                // The CancelPipeline message may wait behind demand from a stage whose items fail at
                // once with the same cancellation; without this check each such failure pulls another input.
                if (token.IsCancellationRequested)
                {
                    Finish(new OperationCanceledException("The pipeline run was cancelled."));
                    break;
                }
                if (items is not null)
                {
                    var e = _enumerator ??= items.GetEnumerator();
                    Deliver(e.MoveNext());
                    continue;
                }
                var next = (_asyncEnumerator ??= asyncItems!.GetAsyncEnumerator(token)).MoveNextAsync();
                if (next.IsCompleted)
                {
                    Deliver(next.GetAwaiter().GetResult()); // completed: does not block
                    continue;
                }
                _pending = true;
                next.AsTask().ContinueWith(static (t, s) => ((IActorRef)s!).Tell(t, null), Self,
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (Exception e)
        {
            Finish(e);
        }
    }

    private void Deliver(bool hasItem)
    {
        if (_done) return;
        if (!hasItem)
        {
            Finish(null);
            return;
        }
        var item = items is not null ? _enumerator!.Current : _asyncEnumerator!.Current;
        counters.Read++;
        _credit--;
        downstream.Tell(new StageItem(_index++, item), Self);
    }

    private void Finish(Exception? error)
    {
        if (_done) return;
        _done = true;
        downstream.Tell(new UpstreamDone(error), Self);
    }
}
