namespace ActorProc.Cluster.Chaos;

/// <summary>
/// What <see cref="JobChecker"/> found in one job's recorded results, in task counts.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="Tasks">How many tasks the job has.</param>
/// <param name="Checked">Tasks whose one recorded result was compared with the expected output.</param>
/// <param name="Lost">Tasks with no recorded result: missing from a completed job, or every task of a job that is gone, failed or never completed.</param>
/// <param name="Duplicated">Results beyond one per task: a task index recorded twice, or counts that add up to more than the job's tasks.</param>
/// <param name="Wrong">Tasks whose one result is not the expected one: another output, a failure, or an index outside the job.</param>
/// <param name="Reexecuted">The job's own count of task runs beyond the first (after a crash or a handoff); not an error.</param>
/// <param name="Problems">The first few problems, one sentence each (empty when the job is correct).</param>
public sealed record JobCheck(string JobId, long Tasks, long Checked, long Lost, long Duplicated, long Wrong, long Reexecuted, IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing is lost, duplicated or wrong.</summary>
    public bool IsCorrect => Lost == 0 && Duplicated == 0 && Wrong == 0;
}
