namespace ActorProc.Cluster.Jobs;

/// <summary>
/// Where a durable job is in its life: <see cref="Accepted"/> → <see cref="Running"/> →
/// <see cref="Completed"/>, or <see cref="Failed"/> from either of the first two.
/// </summary>
public enum JobState
{
    /// <summary>Journaled and acknowledged; no partition has started yet.</summary>
    Accepted,

    /// <summary>At least one partition has taken its inputs.</summary>
    Running,

    /// <summary>Every task has exactly one recorded result (some may have failed).</summary>
    Completed,

    /// <summary>The job could not run at all (e.g. no such task on the node that accepted it); no task ran.</summary>
    Failed,
}
