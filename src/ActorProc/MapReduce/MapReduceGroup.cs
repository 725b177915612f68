namespace ActorProc.MapReduce;

/// <summary>
/// How one group of a grouped map-reduce ended. A group contributes to the totals only when
/// <see cref="Status"/> is <see cref="TaskOutcome.Succeeded"/>: every one of its inputs succeeded and
/// all of them were read (a group cut short by cancellation or the deadline is not complete, even when
/// the inputs it had read succeeded).
/// </summary>
/// <typeparam name="TGroup">Group key type.</typeparam>
/// <param name="Group">The group's key.</param>
/// <param name="Status">
/// Succeeded; or the status of its first input that did not succeed (Failed, TimedOut, Cancelled); or
/// Cancelled when the job ended before all its inputs were read.
/// </param>
/// <param name="Inputs">Inputs of the group that were read.</param>
/// <param name="Succeeded">Inputs of the group that succeeded.</param>
/// <param name="FirstFailure">The first of its inputs that did not succeed (in completion order), or null.</param>
public sealed record MapReduceGroup<TGroup>(TGroup Group, TaskOutcome Status, long Inputs, long Succeeded, ITaskResult? FirstFailure)
{
    /// <summary>True when the group is complete and every input succeeded, so its pairs are in the totals.</summary>
    public bool IsSucceeded => Status == TaskOutcome.Succeeded;
}
