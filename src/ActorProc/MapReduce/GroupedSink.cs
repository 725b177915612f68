using ActorProc.Jobs;

namespace ActorProc.MapReduce;

/// <summary>
/// The map phase of a grouped map-reduce: numbers the inputs and their groups as the job reads them,
/// records each input's outcome, and settles each group with the reducers as soon as it is known to be
/// complete: kept when all its inputs succeeded, dropped at its first input that did not. A group is
/// complete once an input of the next group has been read (groups are consecutive in the input) and
/// every input read of it has an outcome; the group being read when the job ends is complete only if
/// the source was read to its end.
/// <para>
/// Concurrency contract: the job actor both reads the source (<see cref="Read"/>) and calls the sink's
/// <c>On…</c> methods and <see cref="Complete"/>, one at a time, so the group state needs no lock.
/// <see cref="Result"/> completes on the thread pool.
/// </para>
/// </summary>
internal sealed class GroupedSink<TIn, TOut, TGroup>(Func<TIn, TGroup> groupOf, IEqualityComparer<TGroup> groupComparer, IActorRef[] reducers)
    : JobSink<GroupedInput<TIn>, TOut> where TGroup : notnull
{
    private readonly TaskCompletionSource<(JobCompletion Completion, MapReduceGroup<TGroup>[] Groups, TaskResult<TIn, TOut>[] Inputs, int Kept)> _result =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<TGroup, int> _ordinals = new(groupComparer);
    private readonly List<GroupState> _groups = [];
    private TaskResult<TIn, TOut>[] _inputs = [];
    private bool _sourceDone;
    private int _kept;

    /// <summary>The job's completion, the groups, the inputs in input order, and how many groups were kept.</summary>
    public Task<(JobCompletion Completion, MapReduceGroup<TGroup>[] Groups, TaskResult<TIn, TOut>[] Inputs, int Kept)> Result => _result.Task;

    /// <summary>The source as the job reads it: each input with its index and its group's ordinal.</summary>
    /// <exception cref="ArgumentException">A group's inputs are not consecutive.</exception>
    public IEnumerable<GroupedInput<TIn>> Read(IEnumerable<TIn> inputs)
    {
        long index = 0;
        GroupState? current = null;
        foreach (var input in inputs)
        {
            var group = groupOf(input);
            if (current is null || !groupComparer.Equals(current.Group, group))
            {
                if (!_ordinals.TryAdd(group, _groups.Count))
                    throw new ArgumentException($"The inputs of group '{group}' are not consecutive: another group's inputs came between them.", nameof(inputs));
                if (current is not null) Close(current);
                current = new GroupState(group, _groups.Count);
                _groups.Add(current);
            }
            current.Inputs++;
            yield return new GroupedInput<TIn>(index++, input, current.Ordinal);
        }
        _sourceDone = true;
        if (current is not null) Close(current);
    }

    public override void OnSucceeded(TaskId id, GroupedInput<TIn> input, TOut value, int attempts, long durationTicks) =>
        Record(new TaskResult<TIn, TOut>(id, input.Input, TaskOutcome.Succeeded, value, null, attempts, Durations.FromStopwatchTicks(durationTicks)), input.Group);

    public override void OnNotSucceeded(TaskResult<GroupedInput<TIn>, TOut> result) =>
        Record(new TaskResult<TIn, TOut>(result.Id, result.Input.Input, result.Status, default!, result.Exception, result.Attempts, result.Duration), result.Input.Group);

    public override void Complete(JobCompletion completion)
    {
        if (completion.SourceError is { } error)
        {
            _result.TrySetException(error);
            return;
        }
        foreach (var group in _groups)
        {
            // The group being read when the job ended: complete only if the source was read to its end.
            if (!group.Closed && !_sourceDone) group.Unfinished = true;
            group.Closed = true;
            Settle(group);
        }
        if (_inputs.Length != completion.Total) Array.Resize(ref _inputs, (int)completion.Total);
        _result.TrySetResult((completion, [.. _groups.Select(static g => g.ToOutcome())], _inputs, _kept));
    }

    private void Record(TaskResult<TIn, TOut> result, int ordinal)
    {
        var index = result.Index;
        if (index >= _inputs.Length) Array.Resize(ref _inputs, (int)Math.Min(Array.MaxLength, Math.Max(index + 1, Math.Max(16, _inputs.Length * 2L))));
        _inputs[index] = result;
        var group = _groups[ordinal];
        group.Final++;
        if (result.Succeeded) group.Succeeded++;
        else group.FirstFailure ??= result;
        Settle(group);
        Release(1);
    }

    private void Close(GroupState group)
    {
        group.Closed = true;
        Settle(group);
    }

    /// <summary>Tells the reducers the group's fate once it is known: at its first failure, or when complete.</summary>
    private void Settle(GroupState group)
    {
        if (group.Settled) return;
        var failed = group.FirstFailure is not null || group.Unfinished;
        if (!failed && !(group.Closed && group.Final == group.Inputs)) return;
        group.Settled = true;
        if (!failed) _kept++;
        var settle = new SettleGroup(group.Ordinal, Keep: !failed, group.Inputs);
        foreach (var reducer in reducers) reducer.Tell(settle, ActorRefs.NoSender);
    }

    /// <summary>What is known of one group; job actor only.</summary>
    private sealed class GroupState(TGroup group, int ordinal)
    {
        public TGroup Group { get; } = group;
        public int Ordinal { get; } = ordinal;
        public long Inputs { get; set; }
        public long Final { get; set; }
        public long Succeeded { get; set; }
        public ITaskResult? FirstFailure { get; set; }
        public bool Closed { get; set; }
        public bool Unfinished { get; set; }
        public bool Settled { get; set; }

        public MapReduceGroup<TGroup> ToOutcome() => new(Group,
            FirstFailure?.Status ?? (Unfinished || Final < Inputs ? TaskOutcome.Cancelled : TaskOutcome.Succeeded),
            Inputs, Succeeded, FirstFailure);
    }
}
