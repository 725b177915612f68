namespace ActorProc.Tasks;

/// <summary>The final state of one task; every input of a job ends in exactly one of these.</summary>
public enum TaskOutcome
{
    /// <summary>The task returned a value.</summary>
    Succeeded,

    /// <summary>The task threw on its last attempt (or a non-retryable exception); the exception is kept.</summary>
    Failed,

    /// <summary>The task ran longer than its timeout on its last attempt, or was running when the job's deadline passed.</summary>
    TimedOut,

    /// <summary>The task did not finish because the job was cancelled, stopped or reached its deadline before the task started.</summary>
    Cancelled,
}
