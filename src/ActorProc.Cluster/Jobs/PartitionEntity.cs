using Akka.Cluster.Sharding;
using Akka.Persistence;

namespace ActorProc.Cluster.Jobs;

/// <summary>
/// The sharded, persistent, remembered entity of one partition of a durable job (entity id
/// <c>"{jobId}/{partition}"</c>). It journals its inputs, then runs its tasks in batches on the
/// node's worker pool: a "batch started" marker is persisted before a batch runs and its results
/// after, so a partition re-homed after a crash re-runs only tasks without a result (and counts the
/// re-runs). When every task has a result it tells the job, again and again until the job
/// acknowledges, and then stops for good. State transitions live in <see cref="PartitionRecord.Apply"/>.
/// </summary>
internal sealed partial class PartitionEntity : ReceivePersistentActor, IWithTimers
{
    private const string FinishedTimer = "resend-finished", RetryTimer = "retry-batch";
    private readonly string _entityId;
    private readonly NodeServices _services;
    private readonly PartitionRecord _partition = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _batchRunning;
    private bool _stopRequested;
    private int _batchNumber;

    public PartitionEntity(string entityId, NodeServices services)
    {
        _entityId = entityId;
        _services = services;
        PersistenceId = EntityIds.PartitionPersistenceId(entityId);

        Recover<IPartitionEvent>(e => _partition.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
            if (_partition.Acknowledged) Passivate(); // stopped before its passivation went through
            else Continue();
        });

        Command<StartPartition>(Start);
        Command<BatchRan>(Recorded);
        Command<BatchRefused>(Refused);
        Command<RunNextBatch>(_ => Continue());
        Command<ResendFinished>(_ => TellJobFinished());
        Command<PartitionFinishAcknowledged>(_ => Acknowledged());
        Command<StopPartition>(_ => StopWhenIdle());
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    private IActorRef Jobs => ClusterSharding.Get(Context.System).ShardRegion(EntityIds.JobType);

    private void Start(StartPartition start)
    {
        var sender = Sender;
        var ack = new PartitionStartAcknowledged(start.JobId, start.Partition);
        if (_partition.IsAssigned)
        {
            sender.Tell(ack); // a resend: the inputs are in the journal already
            if (_partition.IsFinished && !_partition.Acknowledged) TellJobFinished();
            return;
        }
        Persist<IPartitionEvent>(new PartitionAssigned(start.JobId, start.Partition, start.TaskName, start.FirstIndex, start.Inputs), e =>
        {
            _partition.Apply(e);
            sender.Tell(ack);
            Continue();
        });
    }

    /// <summary>Runs the next batch, or reports the partition finished; the one place that decides what comes next.</summary>
    private void Continue()
    {
        if (_batchRunning || _stopRequested || !_partition.IsAssigned || _partition.Acknowledged) return;
        if (_partition.IsFinished)
        {
            TellJobFinished();
            return;
        }
        var offsets = _partition.Pending(_services.Settings.BatchSize);
        _batchRunning = true;
        // The marker goes to the journal before the tasks run: after a crash, a marker without
        // results is how the next owner knows these tasks are being run again.
        Persist<IPartitionEvent>(new TaskBatchStarted(offsets), e =>
        {
            _partition.Apply(e);
            RunBatch(offsets);
        });
    }

    private void Recorded(BatchRan ran) => Persist<IPartitionEvent>(new TaskBatchFinished(ran.Results), e =>
    {
        _partition.Apply(e);
        _batchRunning = false;
        if (_stopRequested) Context.Stop(Self);
        else Continue();
    });

    private void Refused(BatchRefused refused)
    {
        _batchRunning = false;
        if (_stopRequested)
        {
            Context.Stop(Self);
            return;
        }
        _log.Warning("Partition {0}: the worker pool did not run a batch ({1}); retrying in {2}.", _entityId, refused.Reason, _services.Settings.RetryAfter);
        Timers.StartSingleTimer(RetryTimer, RunNextBatch.Instance, _services.Settings.RetryAfter);
    }

    private void TellJobFinished()
    {
        var a = _partition.Assignment!;
        Jobs.Tell(new PartitionFinished(a.JobId, a.Partition, _partition.Results, _partition.Reexecuted), Self);
        if (!Timers.IsTimerActive(FinishedTimer))
            Timers.StartPeriodicTimer(FinishedTimer, ResendFinished.Instance, _services.Settings.PartitionResendInterval);
    }

    private void Acknowledged()
    {
        if (_partition.Acknowledged || !_partition.IsFinished)
        {
            if (_partition.Acknowledged) Passivate();
            return;
        }
        Persist<IPartitionEvent>(PartitionCompletionAcknowledged.Instance, e =>
        {
            _partition.Apply(e);
            Timers.Cancel(FinishedTimer);
            Passivate();
        });
    }

    /// <summary>On handoff: finish and persist the running batch first, so a graceful leave re-runs nothing.</summary>
    private void StopWhenIdle()
    {
        _stopRequested = true;
        if (!_batchRunning) Context.Stop(Self);
    }

    /// <summary>Stops through the shard, which also forgets the entity: a done partition is never restarted.</summary>
    private void Passivate() => Context.Parent.Tell(new Passivate(StopPartition.Instance));
}
