namespace ActorProc.Cluster.Jobs;

// Journal events of the job and partition entities, named for what happened. State changes only
// when one of these is applied (JobRecord.Apply, PartitionRecord.Apply), live or in recovery.

/// <summary>A job entity's event.</summary>
internal interface IJobEvent;

/// <summary>A partition entity's event.</summary>
internal interface IPartitionEvent;

/// <summary>The job was accepted (journaled before the submitter hears of it).</summary>
internal sealed record JobAccepted(JobSpec Spec) : IJobEvent;

/// <summary>A partition took its inputs: the job is running.</summary>
internal sealed record JobStarted : IJobEvent
{
    public static readonly JobStarted Instance = new();
}

/// <summary>A partition's results were recorded (once per partition; repeats are acknowledged, not recorded).</summary>
internal sealed record PartitionResultsRecorded(int Partition, IReadOnlyList<ClusterTaskResult> Results, long Reexecuted) : IJobEvent;

/// <summary>Every partition's results are recorded.</summary>
internal sealed record JobCompleted : IJobEvent
{
    public static readonly JobCompleted Instance = new();
}

/// <summary>The job cannot run (e.g. its task is unknown); no task ran.</summary>
internal sealed record JobFailed(string Reason) : IJobEvent;

/// <summary>A partition got its inputs.</summary>
internal sealed record PartitionAssigned(string JobId, int Partition, string TaskName, long FirstIndex, IReadOnlyList<string> Inputs) : IPartitionEvent;

/// <summary>A batch of tasks (offsets within the partition) is about to run: recovery counts re-runs from these markers.</summary>
internal sealed record TaskBatchStarted(IReadOnlyList<int> Offsets) : IPartitionEvent;

/// <summary>A batch's results (absolute task indexes); a result for a task that has one is discarded as a re-execution.</summary>
internal sealed record TaskBatchFinished(IReadOnlyList<ClusterTaskResult> Results) : IPartitionEvent;

/// <summary>The job acknowledged the partition's results: the partition is done for good.</summary>
internal sealed record PartitionCompletionAcknowledged : IPartitionEvent
{
    public static readonly PartitionCompletionAcknowledged Instance = new();
}

/// <summary>A job's whole state, so a job with many partitions recovers from one snapshot and a few events.</summary>
internal sealed record JobSnapshot(JobSpec Spec, JobState State, string? Error, long Reexecuted,
    IReadOnlyList<int> FinishedPartitions, IReadOnlyList<ClusterTaskResult> Results);
