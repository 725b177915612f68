namespace ActorProc.Cluster.Jobs;

/// <summary>A durable job as it stands: its state, its counts and, once it is done, every task's result.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="TaskName">The task it runs.</param>
/// <param name="State">Where the job is in its life.</param>
/// <param name="Total">Number of tasks (inputs).</param>
/// <param name="Succeeded">Tasks recorded as succeeded so far (counted per finished partition).</param>
/// <param name="Failed">Tasks recorded as not succeeded so far.</param>
/// <param name="Reexecuted">Task runs beyond the first: re-runs after a crash or handoff, and late results discarded because the task had one.</param>
/// <param name="Error">Why the job failed, when it did; otherwise null.</param>
/// <param name="Results">Every task's result in index order once the job is <see cref="JobState.Completed"/> (and asked for); otherwise empty.</param>
/// <param name="RecentFailures">The latest recorded failures (at most <see cref="MaxRecentFailures"/>, newest last), while the job runs and after.</param>
public sealed record JobStatus(string JobId, string TaskName, JobState State, long Total, long Succeeded, long Failed, long Reexecuted,
    string? Error, IReadOnlyList<ClusterTaskResult> Results, IReadOnlyList<ClusterTaskFailure> RecentFailures)
{
    /// <summary>How many failures <see cref="RecentFailures"/> keeps.</summary>
    public const int MaxRecentFailures = 20;

    /// <summary>True when the job is completed or failed.</summary>
    public bool IsDone => State is JobState.Completed or JobState.Failed;
}
