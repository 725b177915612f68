namespace ActorProc.Cluster.Jobs;

/// <summary>
/// A partition entity's state, every transition in <see cref="Apply"/>:
/// <code>
///   (none) --PartitionAssigned--> Assigned --TaskBatchStarted / TaskBatchFinished--> ... -->
///   Finished (every task has a result) --PartitionCompletionAcknowledged--> Acknowledged
/// </code>
/// (PartitionCompletionAcknowledged is only read from older journals: a partition now stops
/// without writing it, and a restarted finished partition is acknowledged again by its job.)
/// A "batch started" marker for a task that already has one, and no result, means the task ran
/// before (on a node that crashed or was stopped mid-batch): the re-run counts as a re-execution.
/// A result for a task that has one is discarded and counts as a re-execution too.
/// </summary>
internal sealed class PartitionRecord
{
    private ClusterTaskResult?[] _results = [];
    private int[] _starts = [];
    private int _recorded;

    public PartitionAssigned? Assignment { get; private set; }
    public long Reexecuted { get; private set; }
    public bool Acknowledged { get; private set; }

    public bool IsAssigned => Assignment is not null;
    public bool IsFinished => IsAssigned && _recorded == _results.Length;

    /// <summary>
    /// Up to <paramref name="max"/> offsets (within the partition) of tasks without a result, in
    /// order, leaving out the tasks of <paramref name="ran"/> (results about to be recorded).
    /// </summary>
    public int[] Pending(int max, IReadOnlyList<ClusterTaskResult>? ran = null)
    {
        var skip = ran is null ? null : ran.Select(r => (int)(r.Index - Assignment!.FirstIndex)).ToHashSet();
        var pending = new List<int>(Math.Min(max, _results.Length));
        for (var offset = 0; offset < _results.Length && pending.Count < max; offset++)
            if (_results[offset] is null && skip?.Contains(offset) != true) pending.Add(offset);
        return pending.ToArray();
    }

    /// <summary>How many times the task at <paramref name="offset"/> has been started (by the markers).</summary>
    public int StartsOf(int offset) => _starts[offset];

    public IReadOnlyList<ClusterTaskResult> Results => _results.Select(r => r!).ToArray();

    public void Apply(IPartitionEvent e)
    {
        switch (e)
        {
            case PartitionAssigned assigned:
                Require(!IsAssigned, e);
                Assignment = assigned;
                _results = new ClusterTaskResult?[assigned.Inputs.Count];
                _starts = new int[assigned.Inputs.Count];
                break;
            case TaskBatchStarted started:
                Require(IsAssigned && !Acknowledged, e);
                foreach (var offset in started.Offsets)
                {
                    if (_starts[offset]++ > 0 && _results[offset] is null) Reexecuted++;
                }
                break;
            case TaskBatchFinished finished:
                Require(IsAssigned, e);
                foreach (var result in finished.Results)
                {
                    var offset = (int)(result.Index - Assignment!.FirstIndex);
                    if (_results[offset] is not null)
                    {
                        Reexecuted++; // a late or repeated result: the first one stands
                        continue;
                    }
                    _results[offset] = result;
                    _recorded++;
                }
                break;
            case PartitionCompletionAcknowledged:
                Require(IsFinished, e);
                Acknowledged = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "Not a partition event.");
        }
    }

    private void Require(bool condition, IPartitionEvent e)
    {
        if (!condition)
            throw new InvalidOperationException($"Partition {(Assignment is { } a ? EntityIds.Partition(a.JobId, a.Partition) : "(new)")}: event {e.GetType().Name} is not valid here (assigned {IsAssigned}, finished {IsFinished}, acknowledged {Acknowledged}).");
    }
}
