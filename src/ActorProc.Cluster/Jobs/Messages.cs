namespace ActorProc.Cluster.Jobs;

// Commands and replies of the job and partition entities. Everything here crosses the wire with
// ClusterMessageSerializer (bound in cluster.conf). Commands are routed by sharding: a job command
// carries its job id (the job entity's id); a partition command its job id and partition number
// (the partition entity's id is "{jobId}/{partition}", see EntityIds).

/// <summary>A message for a job entity.</summary>
internal interface IJobCommand
{
    string JobId { get; }
}

/// <summary>A message for a partition entity.</summary>
internal interface IPartitionCommand
{
    string JobId { get; }

    int Partition { get; }
}

/// <summary>Client → job: create the job unless it exists; answered with a <see cref="JobAcknowledgement"/> after journaling.</summary>
internal sealed record SubmitJob(JobSpec Spec) : IJobCommand
{
    public string JobId => Spec.JobId;
}

/// <summary>Client → job: answered with <see cref="JobStatus"/>, or <see cref="JobNotFound"/>.</summary>
internal sealed record GetJob(string JobId, bool IncludeResults) : IJobCommand;

/// <summary>Job → client: no job has this id.</summary>
internal sealed record JobNotFound(string JobId);

/// <summary>
/// Client → a worker's <see cref="JobQueryGateway"/>: the status (without results) of each of these jobs,
/// answered together with one <see cref="JobStatuses"/>.
/// </summary>
internal sealed record GetJobs(IReadOnlyList<string> JobIds);

/// <summary>
/// Gateway → client: one entry per asked id, in order: its status, or null when no job has the id.
/// <paramref name="Unanswered"/> holds the positions of jobs that did not answer within the gateway's
/// timeout (their entry is null too).
/// </summary>
internal sealed record JobStatuses(IReadOnlyList<JobStatus?> Statuses, IReadOnlyList<int> Unanswered);

/// <summary>Job → partition: take these inputs (idempotent; resent until <see cref="PartitionStartAcknowledged"/>).</summary>
internal sealed record StartPartition(string JobId, int Partition, string TaskName, long FirstIndex, IReadOnlyList<string> Inputs) : IPartitionCommand;

/// <summary>Job → partition, every resend-interval while the partition is unfinished: run (and so be started on the shard's current home).</summary>
internal sealed record ResumePartition(string JobId, int Partition) : IPartitionCommand;

/// <summary>Partition → job: resumed, but it has no inputs in its journal (they are sent again).</summary>
internal sealed record PartitionUnknown(string JobId, int Partition) : IJobCommand;

/// <summary>Partition → job: the partition has its inputs in the journal.</summary>
internal sealed record PartitionStartAcknowledged(string JobId, int Partition) : IJobCommand;

/// <summary>Partition → job: every task of the partition has its result (resent until <see cref="PartitionFinishAcknowledged"/>).</summary>
internal sealed record PartitionFinished(string JobId, int Partition, IReadOnlyList<ClusterTaskResult> Results, long Reexecuted) : IJobCommand;

/// <summary>Job → partition: the partition's results are in the job's journal; the partition may stop for good.</summary>
internal sealed record PartitionFinishAcknowledged(string JobId, int Partition) : IPartitionCommand;

/// <summary>
/// Sharding → partition on handoff (the hand-off stop message): stop once the running batch's
/// results are persisted, so a graceful leave re-runs no task.
/// </summary>
internal sealed record StopPartition
{
    public static readonly StopPartition Instance = new();
}
