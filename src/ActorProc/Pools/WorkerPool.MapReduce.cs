using System.Runtime.InteropServices;
using ActorProc.MapReduce;

namespace ActorProc.Pools;

public sealed partial class WorkerPool
{
    /// <summary>
    /// Map-reduce on the pool: inputs are mapped in parallel in batches (each batch groups its pairs by
    /// key and, with <paramref name="combine"/>, folds each key's values to one before sending), the groups
    /// are shuffled by key to reducer actors with consistent hashing, every key's values are reduced in
    /// parallel on the reducers, and the results are returned as one dictionary. Every occurrence of a key
    /// reaches the same reducer, so grouping is exact.
    /// </summary>
    /// <param name="inputs">The inputs (read lazily, within the map job's in-flight window).</param>
    /// <param name="map">Turns one input into key/value pairs.</param>
    /// <param name="reduce">Turns all values of one key into its result.</param>
    /// <param name="combine">
    /// Optional combiner: folds values of one key into one value of the same type (it must be associative
    /// and commutative, like a partial sum). Values are then folded as they arrive, two at a time, on the
    /// map side and on the reducers, so a key never holds more than one value; the collection it is given
    /// is short-lived and must not be kept.
    /// </param>
    /// <param name="options">Reducer count, batch size and map-phase settings.</param>
    /// <param name="comparer">How keys are compared; null = the default comparer.</param>
    /// <param name="cancellationToken">Cancels the map-reduce.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/>, <paramref name="map"/> or <paramref name="reduce"/> is null.</exception>
    /// <exception cref="JobFailedException">A map batch failed (after its retries); the exception lists the batches.</exception>
    /// <exception cref="InvalidOperationException">A reduce or combine call on a reducer threw (the key is named).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<IReadOnlyDictionary<TKey, TResult>> MapReduceAsync<TIn, TKey, TValue, TResult>(
        IEnumerable<TIn> inputs,
        Func<TIn, IEnumerable<(TKey Key, TValue Value)>> map,
        Func<TKey, IEnumerable<TValue>, TResult> reduce,
        Func<TKey, IEnumerable<TValue>, TValue>? combine = null,
        MapReduceOptions? options = null,
        IEqualityComparer<TKey>? comparer = null,
        CancellationToken cancellationToken = default) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(reduce);
        options ??= MapReduceOptions.Default;
        comparer ??= EqualityComparer<TKey>.Default;
        var partitioner = new KeyPartitioner<TKey>(options.Reducers ?? Options.Workers, comparer);
        var reducers = new IActorRef[partitioner.Reducers];
        var reducerProps = Props.Create(() => new Reducer<TKey, TValue, TResult>(reduce, combine, comparer)).WithDispatcher(Options.Dispatcher);
        for (var r = 0; r < reducers.Length; r++) reducers[r] = System.ActorOf(reducerProps);
        try
        {
            var batchSize = options.BatchSize ?? AutomaticBatchSize(inputs);
            long batches = 0; // only the map job's actor reads the batching enumerator, one input at a time
            var source = Batches(inputs, batchSize, () => batches++);
            Action<MapBatch<TIn>> mapBatch = combine is null
                ? batch => MapBatch(batch, map, partitioner, reducers, comparer)
                : batch => MapAndCombineBatch(batch, map, combine, partitioner, reducers, comparer);
            await ForEachAsync(source, mapBatch, options.Map, cancellationToken).ConfigureAwait(false);
            var parts = await Task.WhenAll(reducers.Select(r => r.Ask<Reduced<TKey, TResult>>(new ReduceNow(batches), Timeout.InfiniteTimeSpan, cancellationToken))).ConfigureAwait(false);
            return new PartitionedDictionary<TKey, TResult>(partitioner, parts.Select(p => p.Results).ToArray());
        }
        finally
        {
            foreach (var reducer in reducers) System.Stop(reducer);
        }
    }

    /// <summary>
    /// Large batches: every batch sends each reducer its share of the batch's distinct keys, so the
    /// fewer the batches, the less is shuffled; four per worker still balance the map phase.
    /// </summary>
    private int AutomaticBatchSize<TIn>(IEnumerable<TIn> inputs) =>
        inputs.TryGetNonEnumeratedCount(out var count) ? Math.Clamp(count / (Options.Workers * 4), 1, 1 << 20) : 16_384;

    private static IEnumerable<MapBatch<TIn>> Batches<TIn>(IEnumerable<TIn> inputs, int size, Func<long> next)
    {
        var buffer = new TIn[size];
        var filled = 0;
        foreach (var input in inputs)
        {
            buffer[filled++] = input;
            if (filled < size) continue;
            yield return new MapBatch<TIn>(next(), buffer, filled);
            buffer = new TIn[size];
            filled = 0;
        }
        if (filled > 0) yield return new MapBatch<TIn>(next(), buffer, filled);
    }

    // Both map tasks send only after the whole batch mapped: a batch that fails part-way sends nothing,
    // and a batch that runs again (a retry after a timeout) is recognised by its index and counted once.

    /// <summary>One map task without a combiner: group the batch's values by key and send each reducer its groups.</summary>
    private static void MapBatch<TIn, TKey, TValue>(MapBatch<TIn> batch, Func<TIn, IEnumerable<(TKey Key, TValue Value)>> map,
        KeyPartitioner<TKey> partitioner, IActorRef[] reducers, IEqualityComparer<TKey> comparer) where TKey : notnull
    {
        var groups = new Dictionary<TKey, List<TValue>>(comparer);
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var (key, value) in map(batch.Items[i]))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
                (list ??= []).Add(value);
            }
        }
        var parts = NewParts<KeyValuePair<TKey, List<TValue>>>(reducers.Length);
        foreach (var group in groups) parts[partitioner.ReducerOf(group.Key)].Add(group);
        for (var r = 0; r < reducers.Length; r++) reducers[r].Tell(new Partition<TKey, TValue>(batch.Index, parts[r], null), null);
    }

    /// <summary>One map task with a combiner: fold each key's values as they come, and send each reducer one value per key.</summary>
    private static void MapAndCombineBatch<TIn, TKey, TValue>(MapBatch<TIn> batch, Func<TIn, IEnumerable<(TKey Key, TValue Value)>> map,
        Func<TKey, IEnumerable<TValue>, TValue> combine, KeyPartitioner<TKey> partitioner, IActorRef[] reducers, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        var folded = new Dictionary<TKey, TValue>(comparer);
        var pair = new TValue[2];
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var (key, value) in map(batch.Items[i]))
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(folded, key, out var exists);
                slot = exists ? Fold(combine, key, slot!, value, pair) : value;
            }
        }
        var parts = NewParts<KeyValuePair<TKey, TValue>>(reducers.Length);
        foreach (var entry in folded) parts[partitioner.ReducerOf(entry.Key)].Add(entry);
        for (var r = 0; r < reducers.Length; r++) reducers[r].Tell(new Partition<TKey, TValue>(batch.Index, null, parts[r]), null);
    }

    /// <summary>Combines two values of one key through a reused two-element buffer.</summary>
    internal static TValue Fold<TKey, TValue>(Func<TKey, IEnumerable<TValue>, TValue> combine, TKey key, TValue left, TValue right, TValue[] pair)
    {
        pair[0] = left;
        pair[1] = right;
        return combine(key, pair);
    }

    private static List<T>[] NewParts<T>(int count)
    {
        var parts = new List<T>[count];
        for (var r = 0; r < count; r++) parts[r] = [];
        return parts;
    }
}
