namespace ActorProc.MapReduce;

/// <summary>
/// What one map batch has for one reducer (possibly nothing: every batch reports to every reducer):
/// each key's values (<paramref name="Groups"/>), or with a combiner each key's single combined value
/// (<paramref name="Combined"/>), which saves a list per key.
/// </summary>
internal sealed record Partition<TKey, TValue>(
    long Batch,
    List<KeyValuePair<TKey, List<TValue>>>? Groups,
    List<KeyValuePair<TKey, TValue>>? Combined) where TKey : notnull;

/// <summary>All <paramref name="Batches"/> batches have been mapped: reduce once they have all arrived, and reply with the results.</summary>
internal sealed record ReduceNow(long Batches);

/// <summary>A reducer's results.</summary>
internal sealed record Reduced<TKey, TResult>(Dictionary<TKey, TResult> Results) where TKey : notnull;

/// <summary>A batch of map inputs: one task of the map phase.</summary>
internal sealed record MapBatch<TIn>(long Index, TIn[] Items, int Count);

/// <summary>One input's combined pairs for one reducer (possibly none: every map call reports to every reducer).</summary>
internal sealed record GroupPartition<TKey, TValue>(int Group, long Input, List<KeyValuePair<TKey, TValue>> Pairs) where TKey : notnull;

/// <summary>
/// Group <paramref name="Group"/> is settled. Kept (<paramref name="Keep"/>): fold its pairs into the
/// totals once the partitions of its <paramref name="Inputs"/> inputs have all arrived. Not kept: drop them.
/// </summary>
internal sealed record SettleGroup(int Group, bool Keep, long Inputs);

/// <summary>Every group is settled, <paramref name="Kept"/> of them kept: reply with the totals once those are folded.</summary>
internal sealed record CollectTotals(int Kept);

/// <summary>An input of a grouped map-reduce with its position and its group's ordinal.</summary>
internal readonly record struct GroupedInput<TIn>(long Index, TIn Input, int Group);
