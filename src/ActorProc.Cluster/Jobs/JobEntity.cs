using Akka.Cluster.Sharding;
using Akka.Persistence;

namespace ActorProc.Cluster.Jobs;

/// <summary>
/// The sharded, persistent entity of one durable job (entity id = job id). It journals the job
/// before acknowledging the submitter, starts one partition entity per partition and keeps telling
/// the unfinished ones to run (which restarts them wherever their shard lives now), records each
/// partition's results once (a repeated completion is acknowledged
/// again, not recorded again) and completes when every partition is recorded. State transitions
/// live in <see cref="JobRecord.Apply"/>; this actor decides which event to persist.
/// </summary>
internal sealed class JobEntity : ReceivePersistentActor, IWithTimers
{
    private const string CheckTimer = "check-partitions";
    private readonly string _jobId;
    private readonly NodeServices _services;
    private readonly JobRecord _job = new();
    // Not persisted: after a restart every unfinished partition is told again (StartPartition is idempotent).
    private readonly HashSet<int> _startAcknowledged = [];
    // Partitions whose results are being written (PersistAsync): a resend meanwhile is not recorded twice.
    private readonly HashSet<int> _recording = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private int _eventsSinceSnapshot;

    public JobEntity(string jobId, NodeServices services)
    {
        _jobId = jobId;
        _services = services;
        PersistenceId = EntityIds.JobPersistenceId(jobId);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is JobSnapshot snapshot) _job.Restore(snapshot);
        });
        Recover<IJobEvent>(e => _job.Apply(e));
        Recover<RecoveryCompleted>(_ => AfterRecovery());

        Command<SubmitJob>(Submit);
        Command<GetJob>(Get);
        Command<PartitionStartAcknowledged>(StartAcknowledged);
        Command<PartitionFinished>(Finished);
        Command<CheckPartitions>(_ => StartPartitions());
        Command<CompleteJob>(_ =>
        {
            if (_job.AllPartitionsFinished && !_job.IsDone) PersistAndApply(JobCompleted.Instance);
        });
        Command<PartitionUnknown>(Unknown);
        Command<ReceiveTimeout>(_ => Passivate());
        // Events stay in the journal after a snapshot: it is the job's audit trail, and recovery reads only what follows the snapshot.
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Job {0}: snapshot failed; recovery replays events instead.", _jobId));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    private IActorRef Partitions => ClusterSharding.Get(Context.System).ShardRegion(EntityIds.PartitionType);

    private void AfterRecovery()
    {
        if (!_job.Exists) return;
        if (_job.IsDone) AwaitIdle();
        else if (_job.AllPartitionsFinished) PersistAndApply(JobCompleted.Instance); // crashed between the last record and completion
        else StartPartitions();
    }

    private void Submit(SubmitJob submit)
    {
        var sender = Sender;
        if (_job.Exists)
        {
            sender.Tell(Acknowledgement(isNew: false));
            return;
        }
        var spec = submit.Spec;
        if (!_services.Tasks.TryGet(spec.TaskName, out _))
        {
            // Fail fast and whole: journal the job and its failure together, so it is never half-run
            // and a second submission with the same id gets the same answer.
            var known = string.Join(", ", _services.Tasks.Tasks.Select(t => t.Name));
            var reason = $"Unknown task '{spec.TaskName}': no task of that name on node {_services.NodeAddress}. Known tasks: {(known.Length == 0 ? "(none)" : known)}.";
            PersistAll(new IJobEvent[] { new JobAccepted(spec), new JobFailed(reason) }, e =>
            {
                Record(e);
                if (e is not JobFailed) return;
                sender.Tell(Acknowledgement(isNew: true));
                AwaitIdle();
            });
            return;
        }
        Persist<IJobEvent>(new JobAccepted(spec), e =>
        {
            Record(e);
            sender.Tell(Acknowledgement(isNew: true));
            if (spec.PartitionCount == 0) PersistAndApply(JobCompleted.Instance);
            else StartPartitions();
        });
    }

    private void Get(GetJob get)
    {
        if (!_job.Exists)
        {
            Sender.Tell(new JobNotFound(get.JobId));
            Passivate(); // a query must not leave a remembered empty entity behind
            return;
        }
        Sender.Tell(_job.ToStatus(get.IncludeResults));
    }

    private void StartAcknowledged(PartitionStartAcknowledged ack)
    {
        if (!_job.Exists || _job.IsDone) return;
        _startAcknowledged.Add(ack.Partition);
        if (_job.State == JobState.Accepted) PersistAndApply(JobStarted.Instance);
    }

    private void Finished(PartitionFinished finished)
    {
        var sender = Sender;
        var ack = new PartitionFinishAcknowledged(finished.JobId, finished.Partition);
        if (!_job.Exists) return; // cannot happen: a partition exists only after its job was accepted
        if (_job.IsDone || _job.HasFinished(finished.Partition))
        {
            sender.Tell(ack); // at-least-once delivery: repeats are answered, not recorded
            return;
        }
        if (_recording.Contains(finished.Partition)) return; // being written; its resend is answered after
        if (!Fits(finished))
        {
            _log.Error("Job {0}: partition {1} reported {2} results that do not match its tasks; ignored.", _jobId, finished.Partition, finished.Results.Count);
            return;
        }
        // PersistAsync does not hold other messages back while the write is in flight, so the
        // partitions that finish meanwhile go to the journal together in the next write (Akka batches
        // the persist calls made while a write is in progress): one job records many partitions per
        // journal round trip instead of one.
        _recording.Add(finished.Partition);
        PersistAsync<IJobEvent>(new PartitionResultsRecorded(finished.Partition, finished.Results, finished.Reexecuted), e =>
        {
            _recording.Remove(finished.Partition);
            Record(e);
            sender.Tell(ack);
            // Completed from a command, not from inside this callback: Akka.NET left the entity stashing
            // every later message when a stashing Persist was called from a PersistAsync callback.
            if (_job.AllPartitionsFinished) Self.Tell(CompleteJob.Instance);
        });
    }

    private bool Fits(PartitionFinished finished)
    {
        var spec = _job.Spec!;
        if (finished.Partition < 0 || finished.Partition >= spec.PartitionCount) return false;
        long first = spec.FirstIndexOf(finished.Partition), size = spec.SizeOf(finished.Partition);
        return finished.Results.Count == size && finished.Results.Select(r => r.Index - first).Order().SequenceEqual(Enumerable.Range(0, (int)size).Select(i => (long)i));
    }

    /// <summary>
    /// Tells every unfinished partition to run: its inputs until it has acknowledged them, then a small
    /// <see cref="ResumePartition"/>. Repeated every resend-interval while the job runs, this is what
    /// keeps partitions alive: partition entities are not remembered by sharding, so one whose node
    /// died or left is started again on its shard's new home by the next of these messages.
    /// </summary>
    private void StartPartitions()
    {
        if (_job.IsDone) return; // a check that was queued behind the completion
        var spec = _job.Spec!;
        foreach (var p in _job.UnfinishedPartitions)
        {
            if (_recording.Contains(p)) continue;
            if (_startAcknowledged.Contains(p))
            {
                Partitions.Tell(new ResumePartition(_jobId, p), Self);
                continue;
            }
            var first = spec.FirstIndexOf(p);
            var inputs = spec.Inputs.Skip(first).Take(spec.SizeOf(p)).ToArray();
            Partitions.Tell(new StartPartition(_jobId, p, spec.TaskName, first, inputs), Self);
        }
        if (!Timers.IsTimerActive(CheckTimer))
            Timers.StartPeriodicTimer(CheckTimer, CheckPartitions.Instance, _services.Settings.JobResendInterval);
    }

    /// <summary>A partition was resumed but has no inputs in its journal: send them again.</summary>
    private void Unknown(PartitionUnknown unknown)
    {
        if (!_job.Exists || _job.IsDone || _job.HasFinished(unknown.Partition)) return;
        _log.Warning("Job {0}: partition {1} had no inputs in the journal; sending them again.", _jobId, unknown.Partition);
        _startAcknowledged.Remove(unknown.Partition);
    }

    private void PersistAndApply(IJobEvent e) => Persist(e, persisted =>
    {
        Record(persisted);
        if (_job.IsDone) AwaitIdle();
    });

    /// <summary>Applies a persisted event, and snapshots when recovery would otherwise replay many events.</summary>
    private void Record(IJobEvent e)
    {
        _job.Apply(e);
        // Also when the job is done after several events: a finished job is read often and never changes again.
        if (++_eventsSinceSnapshot < _services.Settings.SnapshotEvery && !(_job.IsDone && _eventsSinceSnapshot > 2)) return;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(_job.ToSnapshot());
    }

    private void AwaitIdle()
    {
        Timers.Cancel(CheckTimer);
        Context.SetReceiveTimeout(_services.Settings.JobIdleAfterDone);
    }

    /// <summary>Stops through the shard, which also forgets the entity (a done job need not be restarted with the cluster).</summary>
    private void Passivate()
    {
        Context.SetReceiveTimeout(null);
        Context.Parent.Tell(new Passivate(PoisonPill.Instance));
    }

    private JobAcknowledgement Acknowledgement(bool isNew) => new(_jobId, isNew, _job.State, _job.Error);

    private sealed record CompleteJob
    {
        public static readonly CompleteJob Instance = new();
    }

    private sealed record CheckPartitions
    {
        public static readonly CheckPartitions Instance = new();
    }
}
