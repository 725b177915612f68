namespace ActorProc.Cluster.Jobs;

/// <summary>
/// A job entity's state and its state machine, every transition in <see cref="Apply"/>:
/// <code>
///   (none) --JobAccepted--> Accepted --JobStarted--> Running --JobCompleted--> Completed
///                          Accepted/Running --JobFailed--> Failed
///   Accepted/Running --PartitionResultsRecorded--> same state, results of one more partition
/// </code>
/// Mutated only by <see cref="Apply"/> and <see cref="Restore"/>, which the entity calls from its
/// persist and recovery handlers. Results live in an array by task index, so "one result per task"
/// is a property of the data structure: a partition's results are recorded once.
/// </summary>
internal sealed class JobRecord
{
    private readonly HashSet<int> _finished = [];
    private readonly Queue<ClusterTaskFailure> _recentFailures = new();
    private ClusterTaskResult?[] _results = [];

    public JobSpec? Spec { get; private set; }
    public JobState State { get; private set; }
    public string? Error { get; private set; }
    public long Succeeded { get; private set; }
    public long Failed { get; private set; }
    public long Reexecuted { get; private set; }

    public bool Exists => Spec is not null;
    public bool IsDone => State is JobState.Completed or JobState.Failed;
    public bool AllPartitionsFinished => Spec is not null && _finished.Count == Spec.PartitionCount;
    public bool HasFinished(int partition) => _finished.Contains(partition);

    /// <summary>Partitions whose results are not recorded yet.</summary>
    public IEnumerable<int> UnfinishedPartitions => Enumerable.Range(0, Spec?.PartitionCount ?? 0).Where(p => !_finished.Contains(p));

    public void Apply(IJobEvent e)
    {
        switch (e)
        {
            case JobAccepted accepted:
                Require(!Exists, e);
                Spec = accepted.Spec;
                State = JobState.Accepted;
                _results = new ClusterTaskResult?[accepted.Spec.Inputs.Count];
                break;
            case JobStarted:
                Require(State == JobState.Accepted && Exists, e);
                State = JobState.Running;
                break;
            case PartitionResultsRecorded recorded:
                Require(Exists && !IsDone, e);
                if (!_finished.Add(recorded.Partition)) return; // defensive: the entity records a partition once
                foreach (var result in recorded.Results)
                {
                    Debug.Assert(_results[result.Index] is null, "a partition's tasks belong to it alone");
                    _results[result.Index] = result;
                    Count(result);
                }
                Reexecuted += recorded.Reexecuted;
                break;
            case JobCompleted:
                Require(Exists && !IsDone && AllPartitionsFinished, e);
                State = JobState.Completed;
                break;
            case JobFailed failed:
                Require(Exists && !IsDone, e);
                State = JobState.Failed;
                Error = failed.Reason;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "Not a job event.");
        }
    }

    public JobSnapshot ToSnapshot() => new(Spec!, State, Error, Reexecuted, _finished.Order().ToArray(),
        _results.Where(r => r is not null).Select(r => r!).ToArray());

    public void Restore(JobSnapshot snapshot)
    {
        Spec = snapshot.Spec;
        State = snapshot.State;
        Error = snapshot.Error;
        Reexecuted = snapshot.Reexecuted;
        _finished.Clear();
        _finished.UnionWith(snapshot.FinishedPartitions);
        _results = new ClusterTaskResult?[snapshot.Spec.Inputs.Count];
        Succeeded = Failed = 0;
        _recentFailures.Clear();
        foreach (var result in snapshot.Results)
        {
            _results[result.Index] = result;
            Count(result);
        }
    }

    private void Count(ClusterTaskResult result)
    {
        if (result.Status == TaskOutcome.Succeeded)
        {
            Succeeded++;
            return;
        }
        Failed++;
        if (_recentFailures.Count == JobStatus.MaxRecentFailures) _recentFailures.Dequeue();
        _recentFailures.Enqueue(new ClusterTaskFailure(result.Index, Spec!.Inputs[(int)result.Index], result.Error ?? result.Status.ToString()));
    }

    public JobStatus ToStatus(bool includeResults) => new(Spec!.JobId, Spec.TaskName, State, Spec.Inputs.Count, Succeeded, Failed, Reexecuted, Error,
        includeResults && State == JobState.Completed ? _results.Select(r => r!).ToArray() : [], _recentFailures.ToArray());

    /// <summary>An event that does not fit the state is a bug (or a corrupt journal): refuse it loudly.</summary>
    private void Require(bool condition, IJobEvent e)
    {
        if (!condition)
            throw new InvalidOperationException($"Job {Spec?.JobId ?? "(new)"}: event {e.GetType().Name} is not valid in state {(Exists ? State.ToString() : "none")}.");
    }
}
