namespace ActorProc.Pipelines;

/// <summary>
/// One stage of a pipeline run. It holds at most <c>BufferSize + Parallelism</c> items — waiting,
/// being worked on, finished but not yet taken downstream, or requested from upstream — and asks its
/// upstream (<see cref="Demand"/>) only for what fits; it sends downstream only as much as downstream
/// asked for. So when a later stage is slow, this one fills up and stops asking, and the slowness
/// travels back to the source instead of items piling up.
/// <para>
/// Synchronous functions run on <c>Parallelism</c> worker actors (children); async functions are
/// started here, up to <c>Parallelism</c> at once, and report back by message. A failed item goes to
/// the sink as a <see cref="PipelineError"/> and the stage goes on. With ordering, finished items wait
/// in a reorder buffer until all items that arrived before them are done. When the upstream is done and
/// nothing is left, the stage passes <see cref="UpstreamDone"/> on (an upstream error or cancellation
/// travels the same way; after a cancellation, items still waiting are dropped).
/// </para>
/// <para>Concurrency contract: an actor; all state is its own.</para>
/// </summary>
internal sealed class StageActor(StageDefinition stage, bool ordered, IActorRef downstream, IActorRef sink, CancellationToken token) : UntypedActor
{
    private readonly Queue<StageWork> _waiting = new();
    private readonly Stack<IActorRef> _idle = new();
    private readonly Dictionary<long, StageWorkDone> _reorder = [];
    private readonly Queue<StageItem> _outputs = new();
    private IActorRef? _upstream;
    private long _requested;
    private long _downstreamDemand;
    private int _busy;
    private long _nextSeq;
    private long _nextEmit;
    private bool _upstreamDone;
    private bool _finished;
    private Exception? _error;

    private int Capacity => stage.Options.BufferSize + stage.Options.Parallelism;

    protected override void PreStart()
    {
        if (stage.Sync is not { } function) return;
        var props = Props.Create(() => new StageWorker(function)).WithDispatcher(stage.Options.Dispatcher);
        for (var i = 0; i < stage.Options.Parallelism; i++) _idle.Push(Context.ActorOf(props));
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ConnectUpstream connect:
                _upstream = connect.Upstream;
                break;
            case StageItem item:
                _requested--;
                if (!_upstreamDone) _waiting.Enqueue(new StageWork(_nextSeq++, item.SourceIndex, item.Value));
                break;
            case Demand demand:
                _downstreamDemand += demand.Count;
                break;
            case StageWorkDone done:
                _busy--;
                if (done.Worker is { } worker) _idle.Push(worker);
                if (_error is not OperationCanceledException) Finished(done);
                break;
            case UpstreamDone done:
                _upstreamDone = true;
                _error ??= done.Error;
                if (done.Error is OperationCanceledException) DropPending();
                break;
            default:
                Unhandled(message);
                return;
        }
        Pump();
    }

    private void Pump()
    {
        if (_finished) return;
        while (_busy < stage.Options.Parallelism && _waiting.Count > 0) Start(_waiting.Dequeue());
        while (_downstreamDemand > 0 && _outputs.Count > 0)
        {
            downstream.Tell(_outputs.Dequeue(), Self);
            _downstreamDemand--;
        }
        if (!_upstreamDone && _upstream is not null)
        {
            var held = _waiting.Count + _busy + _reorder.Count + _outputs.Count + _requested;
            if (held < Capacity)
            {
                var want = (int)(Capacity - held);
                _upstream.Tell(new Demand(want), Self);
                _requested += want;
            }
        }
        if (_upstreamDone && _waiting.Count == 0 && _busy == 0 && _reorder.Count == 0 && _outputs.Count == 0)
        {
            _finished = true;
            downstream.Tell(new UpstreamDone(_error), Self);
        }
    }

    private void Start(StageWork work)
    {
        _busy++;
        if (stage.Sync is not null)
        {
            _idle.Pop().Tell(work, Self);
            return;
        }
        Task<object?> task;
        try
        {
            task = stage.Async!(work.Value, token) ?? Task.FromException<object?>(new InvalidOperationException("The stage function returned null instead of a Task."));
        }
        catch (Exception e)
        {
            task = Task.FromException<object?>(e);
        }
        var self = Self;
        task.ContinueWith(static (t, s) =>
        {
            var (w, actor) = ((StageWork, IActorRef))s!;
            var error = t.IsCompletedSuccessfully ? null : t.Exception?.InnerException ?? new OperationCanceledException("The stage task was cancelled.");
            // The task has completed, so reading its result does not block.
            actor.Tell(new StageWorkDone(w.Seq, w.SourceIndex, w.Value, t.IsCompletedSuccessfully ? t.GetAwaiter().GetResult() : null, error, null), null);
        }, (work, self), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Finished(StageWorkDone done)
    {
        if (!ordered)
        {
            Emit(done);
            return;
        }
        _reorder.Add(done.Seq, done);
        while (_reorder.Remove(_nextEmit, out var next))
        {
            Emit(next);
            _nextEmit++;
        }
    }

    private void Emit(StageWorkDone done)
    {
        if (done.Error is { } error) sink.Tell(new StageFailed(new PipelineError(stage.Name, done.SourceIndex, done.Input, error)), Self);
        else _outputs.Enqueue(new StageItem(done.SourceIndex, done.Output));
    }

    /// <summary>After a cancellation nothing more is started or passed on; work in progress is awaited and dropped.</summary>
    private void DropPending()
    {
        _waiting.Clear();
        _reorder.Clear();
        _outputs.Clear();
    }
}
