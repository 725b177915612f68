using ActorProc.Configuration;
using ActorProc.Jobs;

namespace ActorProc.Pools;

/// <summary>
/// The actor at the top of a worker pool. Its children are the Akka router pool of sync workers
/// (created at start on <see cref="WorkerPoolOptions.Dispatcher"/>), the router pool of async workers
/// (created on first use on <see cref="WorkerPoolOptions.AsyncDispatcher"/>), the jobs, and workers
/// that replaced stuck ones. Workers are the routers' children and are supervised by the routers with
/// <see cref="Worker.Strategy"/>; a failing job actor is stopped (it completes its job with an error
/// in PostStop).
/// <para>
/// Routers are created from the options, but an <c>akka.actor.deployment</c> block for
/// <c>/&lt;pool-name&gt;/workers</c> (or <c>/async-workers</c>) overrides them, as Akka's deployment
/// always does; jobs are told the number of routees the deployment actually gives.
/// </para>
/// <para>
/// A sync task that does not return cannot be interrupted in .NET; the thread running it is lost until
/// it does. When a job reports such a worker, this actor adds a fresh worker to the router, on
/// <see cref="WorkerPoolOptions.ReplacementDispatcher"/> (by default a dedicated thread of its own, so
/// the pool keeps its full number of running threads even though a CPU-dispatcher thread is blocked),
/// removes the stuck one (it stops once its task returns), and tells every job to take back chunks
/// that were queued behind the stuck task. The router applies routee changes when it processes them,
/// not when they are sent, so the supervisor asks it for its routees afterwards and waits for the
/// answer before it tells the jobs and before it admits new ones (which are stashed meanwhile):
/// otherwise a job could still route a chunk to the stuck worker.
/// </para>
/// </summary>
internal sealed class PoolSupervisor : UntypedActor, IWithUnboundedStash
{
    private readonly WorkerPoolOptions _options;
    private readonly PoolCounters _counters;
    private readonly HashSet<IActorRef> _jobs = [];
    private readonly HashSet<IActorRef> _children = [];
    private RouterHandle? _syncRouter;
    private RouterHandle? _asyncRouter;
    private IActorRef? _shutdownRequester;
    private int _pendingRouteeChanges;

    public PoolSupervisor(WorkerPoolOptions options, PoolCounters counters)
    {
        _options = options;
        _counters = counters;
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>A router pool and the number of workers it was deployed with.</summary>
    private sealed record RouterHandle(IActorRef Router, int Workers);

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decider.From(Directive.Stop));

    protected override void PreStart() => _syncRouter = CreateRouter(_options.Dispatcher, "workers");

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartJob when _pendingRouteeChanges > 0:
                Stash.Stash();
                break;
            case StartJob start:
                var job = Watch(Context.ActorOf(start.JobProps));
                _jobs.Add(job);
                if (_shutdownRequester is not null)
                {
                    // The pool drains its jobs before it shuts down, so this is only a safety net.
                    job.Tell(new CancelJob(PoolStopping: true), Self);
                    break;
                }
                var router = start.Async ? _asyncRouter ??= CreateRouter(_options.AsyncDispatcher, "async-workers") : _syncRouter!;
                job.Tell(new JobAdmitted(router.Router, router.Workers), Self);
                break;
            case ReplaceWorker replace:
                Replace(replace);
                break;
            case Routees when --_pendingRouteeChanges == 0:
                foreach (var running in _jobs) running.Tell(WorkersChanged.Instance, Self);
                Stash.UnstashAll();
                break;
            case Routees:
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

    private RouterHandle CreateRouter(string dispatcher, string name)
    {
        Pool pool = _options.Router switch
        {
            WorkerRouter.RoundRobin => new RoundRobinPool(_options.Workers, _options.Resizer, Worker.Strategy, PoolDispatchers.Default),
            WorkerRouter.Random => new RandomPool(_options.Workers, _options.Resizer, Worker.Strategy, PoolDispatchers.Default),
            _ => new SmallestMailboxPool(_options.Workers, _options.Resizer, Worker.Strategy, PoolDispatchers.Default),
        };
        var router = Watch(Context.ActorOf(WorkerProps(dispatcher).WithRouter(pool), name));
        return new RouterHandle(router, DeployedWorkers(name) ?? Workers(pool));
    }

    /// <summary>The routee count of an <c>akka.actor.deployment</c> block that overrides the code's router, if there is one.</summary>
    private int? DeployedWorkers(string routerName)
    {
        var deployer = ((ExtendedActorSystem)Context.System).Provider.Deployer;
        return deployer.Lookup(Self.Path / routerName)?.RouterConfig is Pool deployed ? Workers(deployed) : null;
    }

    /// <summary>Workers a pool runs: its size, or the upper bound of its resizer.</summary>
    private int Workers(Pool pool) => pool.Resizer is DefaultResizer resizer ? resizer.UpperBound : Math.Max(1, pool.GetNrOfInstances(Context.System));

    private Props WorkerProps(string dispatcher) =>
        Props.Create(typeof(Worker), _counters, _options.MaxTasksPerWorker).WithDispatcher(dispatcher);

    private void Replace(ReplaceWorker replace)
    {
        if (_syncRouter is null || _shutdownRequester is not null) return;
        var fresh = Watch(Context.ActorOf(WorkerProps(_options.ReplacementDispatcher)));
        // Add before remove: a pool router whose last routee is removed stops itself.
        _syncRouter.Router.Tell(new AddRoutee(Routee.FromActorRef(fresh)), Self);
        _syncRouter.Router.Tell(new RemoveRoutee(Routee.FromActorRef(replace.Worker)), Self);
        _syncRouter.Router.Tell(GetRoutees.Instance, Self); // answered once both changes are applied
        _pendingRouteeChanges++;
        if (_children.Contains(replace.Worker)) Context.Stop(replace.Worker); // an earlier replacement; router children get a PoisonPill from the router
        _counters.WorkerReplaced();
        Context.GetLogger().Warning("Worker {0} replaced by {1}: {2}. Its thread stays busy until the task returns (.NET cannot abort it).",
            replace.Worker.Path, fresh.Path, replace.Reason);
    }

    private IActorRef Watch(IActorRef child)
    {
        Context.Watch(child);
        _children.Add(child);
        return child;
    }

    private void FinishShutdown()
    {
        _shutdownRequester!.Tell(PoolShutDown.Instance, Self);
        Context.Stop(Self);
    }
}
