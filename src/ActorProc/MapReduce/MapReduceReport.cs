namespace ActorProc.MapReduce;

/// <summary>
/// The result of <c>WorkerPool.MapReduceByGroupAsync</c>: the combined totals over the groups that
/// succeeded, each group's outcome, and each input's outcome. Also returned after a cancellation or a
/// passed deadline, with <see cref="Outcome"/> saying so and the totals of the groups finished by then.
/// </summary>
/// <typeparam name="TIn">Input type.</typeparam>
/// <typeparam name="TOut">What a map call returns besides its pairs (kept per input).</typeparam>
/// <typeparam name="TGroup">Group key type.</typeparam>
/// <typeparam name="TKey">Key type.</typeparam>
/// <typeparam name="TValue">Value type.</typeparam>
public sealed class MapReduceReport<TIn, TOut, TGroup, TKey, TValue> where TKey : notnull
{
    internal MapReduceReport(
        JobOutcome outcome, string? reason, TimeSpan elapsed, long retries, IReadOnlyDictionary<TKey, TValue> totals,
        IReadOnlyList<MapReduceGroup<TGroup>> groups, IReadOnlyList<TaskResult<TIn, TOut>> inputs)
    {
        Outcome = outcome;
        Reason = reason;
        Elapsed = elapsed;
        Retries = retries;
        Totals = totals;
        Groups = groups;
        Inputs = inputs;
    }

    /// <summary>How the map phase ended: completed, cancelled or deadline exceeded.</summary>
    public JobOutcome Outcome { get; }

    /// <summary>Why the job ended early (cancelled, deadline), or null.</summary>
    public string? Reason { get; }

    /// <summary>Wall-clock time of the whole map-reduce.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Retries made by map tasks.</summary>
    public long Retries { get; }

    /// <summary>Every key's combined value over the succeeded groups only (a failed group contributes nothing).</summary>
    public IReadOnlyDictionary<TKey, TValue> Totals { get; }

    /// <summary>Every group read, in the order its first input was read.</summary>
    public IReadOnlyList<MapReduceGroup<TGroup>> Groups { get; }

    /// <summary>Every input read, in input order, with the map call's value, error, status and attempts.</summary>
    public IReadOnlyList<TaskResult<TIn, TOut>> Inputs { get; }

    /// <summary>True when the job ran to its end and every group succeeded.</summary>
    public bool AllSucceeded => Outcome == JobOutcome.Completed && Groups.All(static g => g.IsSucceeded);
}
