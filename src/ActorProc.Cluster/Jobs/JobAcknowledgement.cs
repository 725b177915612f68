namespace ActorProc.Cluster.Jobs;

/// <summary>
/// The answer to a submitted job, sent only after the job is in the journal: from then on the job
/// survives the loss of any node (and of every node, once they are started again).
/// </summary>
/// <param name="JobId">The job's id.</param>
/// <param name="IsNew">True when this submission created the job; false when a job with this id existed (it is not run again).</param>
/// <param name="State">The job's state now (<see cref="JobState.Failed"/> at once for an unknown task).</param>
/// <param name="Error">Why the job failed, when it did (names the unknown task); otherwise null.</param>
public sealed record JobAcknowledgement(string JobId, bool IsNew, JobState State, string? Error);
