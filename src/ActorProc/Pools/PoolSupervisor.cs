using ActorProc.Jobs;

namespace ActorProc.Pools;

/// <summary>
/// The actor at the top of a worker pool. Its children are the router of sync workers (created at
/// start on <see cref="WorkerPoolOptions.Dispatcher"/>), the router of async workers (created on first
/// use on <see cref="WorkerPoolOptions.AsyncDispatcher"/>), the jobs, and workers that replaced stuck
/// ones. Workers are the routers' children and are restarted by the routers with
/// <see cref="Worker.Strategy"/>; a failing job actor is stopped (it completes its job with an error
/// in PostStop).
/// <para>
/// A sync task that does not return cannot be interrupted in .NET; the thread running it is lost until
/// it does. When a job reports such a worker, this actor adds a fresh worker to the router, on
/// <see cref="WorkerPoolOptions.ReplacementDispatcher"/> (by default a dedicated thread of its own, so
/// the pool keeps its full number of running threads even though a CPU-dispatcher thread is blocked),
/// removes the stuck one (it stops once its task returns), and tells every job to take back chunks
/// that were queued behind the stuck task.
/// </para>
/// </summary>
internal sealed class PoolSupervisor(WorkerPoolOptions options, PoolCounters counters) : UntypedActor
{
    private readonly HashSet<IActorRef> _jobs = [];
    private readonly HashSet<IActorRef> _children = [];
    private IActorRef? _syncRouter;
    private IActorRef? _asyncRouter;
    private IActorRef? _shutdownRequester;

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan,
        static cause => cause is WorkerFaultedException or WorkerRecycledException ? Directive.Restart : Directive.Stop);

    protected override void PreStart() => _syncRouter = CreateRouter(options.Dispatcher, "workers");

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartJob start when _shutdownRequester is null:
                var router = start.Async ? _asyncRouter ??= CreateRouter(options.AsyncDispatcher, "async-workers") : _syncRouter!;
                var job = Watch(Context.ActorOf(start.CreateProps(router)));
                _jobs.Add(job);
                break;
            case StartJob start:
                start.Abort(); // shutting down (the pool drains jobs before it shuts down, so this is only a safety net)
                break;
            case ReplaceWorker replace:
                Replace(replace);
                break;
            case Terminated terminated:
                _jobs.Remove(terminated.ActorRef);
                _children.Remove(terminated.ActorRef);
                if (_shutdownRequester is not null && _children.Count == 0) FinishShutdown();
                break;
            case ShutdownPool:
                _shutdownRequester = Sender;
                if (_children.Count == 0) FinishShutdown();
                else foreach (var child in _children) Context.Stop(child);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private IActorRef CreateRouter(string dispatcher, string name)
    {
        Pool pool = options.Router switch
        {
            WorkerRouter.RoundRobin => new RoundRobinPool(options.Workers),
            WorkerRouter.Random => new RandomPool(options.Workers),
            _ => new SmallestMailboxPool(options.Workers),
        };
        return Watch(Context.ActorOf(WorkerProps(dispatcher).WithRouter(pool.WithSupervisorStrategy(Worker.Strategy)), name));
    }

    private Props WorkerProps(string dispatcher) =>
        Props.Create(() => new Worker(counters, options.MaxTasksPerWorker)).WithDispatcher(dispatcher);

    private void Replace(ReplaceWorker replace)
    {
        if (_syncRouter is null || _shutdownRequester is not null) return;
        var fresh = Watch(Context.ActorOf(WorkerProps(options.ReplacementDispatcher)));
        // Add before remove: a pool whose last routee is removed stops itself.
        _syncRouter.Tell(new AddRoutee(fresh), Self);
        _syncRouter.Tell(new RemoveRoutee(replace.Worker), Self);
        if (_children.Contains(replace.Worker)) Context.Stop(replace.Worker); // an earlier replacement; router children get a PoisonPill from the router
        counters.WorkerReplaced();
        Context.GetLogger().Warning("Worker {0} replaced by {1}: {2}. Its thread stays busy until the task returns (.NET cannot abort it).",
            replace.Worker.Path, fresh.Path, replace.Reason);
        foreach (var job in _jobs) job.Tell(WorkersChanged.Instance, Self);
    }

    private IActorRef Watch(IActorRef child)
    {
        Context.Watch(child);
        _children.Add(child);
        return child;
    }

    private void FinishShutdown()
    {
        _shutdownRequester!.Tell(new PoolShutDown([]), Self);
        Context.Stop(Self);
    }
}
