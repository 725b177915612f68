using ActorProc.Internal;
using Akka.Cluster.Sharding;
using Akka.Persistence;

namespace ActorProc.Cluster.Jobs;

/// <summary>
/// The sharded, persistent, remembered entity of one partition of a durable job (entity id
/// <c>"{jobId}/{partition}"</c>). It journals its inputs, then runs its tasks in batches on the
/// node's worker pool, one batch at a time, sized by time (<see cref="BatchSizer"/>): a "batch
/// started" marker is persisted before a batch runs and its results after (with the next batch's
/// marker, in one write), so a partition re-homed after a crash re-runs only tasks without a result
/// (and counts the re-runs). When every task has a result it tells the job, again and again until the job
/// acknowledges, and then stops for good. State transitions live in <see cref="PartitionRecord.Apply"/>.
/// </summary>
internal sealed partial class PartitionEntity : ReceivePersistentActor, IWithTimers
{
    private const string FinishedTimer = "resend-finished", RetryTimer = "retry-batch";
    private readonly string _entityId;
    private readonly NodeServices _services;
    private readonly PartitionRecord _partition = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly BatchSizer _sizer;
    private bool _batchRunning;
    private bool _stopRequested;
    private int _batchNumber;

    public PartitionEntity(string entityId, NodeServices services)
    {
        _entityId = entityId;
        _services = services;
        _sizer = new BatchSizer(services.Settings.FirstBatchSize, services.Settings.BatchSize, services.Settings.BatchTime);
        PersistenceId = EntityIds.PartitionPersistenceId(entityId);

        Recover<IPartitionEvent>(e => _partition.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
            if (_partition.Acknowledged) Passivate(); // stopped before its passivation went through
            else Continue();
        });

        Command<StartPartition>(Start);
        Command<ResumePartition>(Resume);
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
            else Continue();
            return;
        }
        // The inputs and the first batch's marker in one write: one journal round trip before work starts.
        var first = Enumerable.Range(0, Math.Min(_sizer.Next, start.Inputs.Count)).ToArray();
        _batchRunning = true;
        PersistAll(new IPartitionEvent[] { new PartitionAssigned(start.JobId, start.Partition, start.TaskName, start.FirstIndex, start.Inputs), new TaskBatchStarted(first) }, e =>
        {
            _partition.Apply(e);
            if (e is not TaskBatchStarted) return;
            sender.Tell(ack);
            RunBatch(first);
        });
    }

    private void Resume(ResumePartition resume)
    {
        if (!_partition.IsAssigned)
        {
            Sender.Tell(new PartitionUnknown(resume.JobId, resume.Partition));
            Context.Stop(Self); // nothing to keep: the job sends the inputs next
            return;
        }
        if (_partition.IsFinished && !_partition.Acknowledged) TellJobFinished();
        else Continue();
    }

    /// <summary>Runs the next batch, or reports the partition finished: what comes next after recovery, a resend or a refused batch.</summary>
    private void Continue()
    {
        if (_batchRunning || _stopRequested || !_partition.IsAssigned || _partition.Acknowledged) return;
        if (_partition.IsFinished)
        {
            TellJobFinished();
            return;
        }
        var offsets = _partition.Pending(_sizer.Next);
        _batchRunning = true;
        // The marker goes to the journal before the tasks run: after a crash, a marker without
        // results is how the next owner knows these tasks are being run again.
        Persist<IPartitionEvent>(new TaskBatchStarted(offsets), e =>
        {
            _partition.Apply(e);
            RunBatch(offsets);
        });
    }

    /// <summary>
    /// A batch ran: its results go to the journal together with the next batch's marker (one write
    /// per batch), then the next batch runs; after the last one the job is told.
    /// </summary>
    private void Recorded(BatchRan ran)
    {
        _sizer.Observe(ran.Results.Count, ran.WorkTime);
        var next = _stopRequested ? [] : _partition.Pending(_sizer.Next, ran.Results);
        IPartitionEvent[] events = next.Length == 0 ? [new TaskBatchFinished(ran.Results)] : [new TaskBatchFinished(ran.Results), new TaskBatchStarted(next)];
        PersistAll(events, e =>
        {
            _partition.Apply(e);
            if (e is TaskBatchStarted)
            {
                RunBatch(next);
                return;
            }
            if (next.Length > 0) return; // the marker follows
            _batchRunning = false;
            if (_stopRequested) Context.Stop(Self);
            else Continue();
        });
    }

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

    /// <summary>
    /// The job has the results: stop for good. Nothing is journaled here — a partition restarted before
    /// its passivation went through tells the job again, and the job acknowledges what it has.
    /// </summary>
    private void Acknowledged()
    {
        if (!_partition.IsFinished && !_partition.Acknowledged) return;
        Timers.Cancel(FinishedTimer);
        Passivate();
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
