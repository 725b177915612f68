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
