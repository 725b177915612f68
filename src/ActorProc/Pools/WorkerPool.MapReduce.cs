using System.Diagnostics;
using System.Runtime.InteropServices;
using ActorProc.Jobs;
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
    /// Map-reduce that accounts for every input, for jobs whose inputs fall into groups that must count
    /// whole or not at all (the byte ranges of a file, the pages of a document). Each input is one map
    /// task: <paramref name="map"/> emits key/value pairs, combined per key at once (the local combine),
    /// then each reducer gets its share of the task's distinct keys, shuffled by key over a
    /// consistent-hash ring. Reducers hold each group's pairs apart until the group is settled: when every
    /// input of a group succeeded its pairs join the totals; at its first input that fails, times out or
    /// is cancelled the group is dropped and contributes nothing. Memory is the open groups' distinct keys
    /// plus the totals: a group is settled as soon as the next group's inputs are being read and its own
    /// have all finished.
    /// <para>
    /// Nothing is thrown for a failed input, a cancellation or a passed deadline: the report says how the
    /// job ended, which groups and inputs succeeded, and holds the totals of the groups that did.
    /// </para>
    /// </summary>
    /// <param name="inputs">The inputs, read lazily within the job's in-flight window; the inputs of one group must be consecutive.</param>
    /// <param name="groupOf">The group of an input (called once per input, as it is read). Use the input itself for no grouping.</param>
    /// <param name="map">
    /// One map call: emits the input's pairs through the emitter and returns a value kept in the report
    /// for that input (e.g. lines read). It runs on a worker; its token is cancelled when the map-reduce is cancelled, its deadline passes or the pool stops forcibly.
    /// An exception fails the input (retried as the pool's policy says) and its group. C# infers the key
    /// and value types from the emitter's type, so write it in the lambda:
    /// <c>(string line, MapEmitter&lt;string, long&gt; emit, CancellationToken ct) =&gt; …</c>.
    /// </param>
    /// <param name="combine">Combines two values of one key; must be associative and commutative (a sum, a max).</param>
    /// <param name="options">Reducer count and map-phase settings (retries, timeouts, deadline, in-flight window, progress); the batch size does not apply (one input per task).</param>
    /// <param name="keyComparer">How keys are compared; null = the default comparer.</param>
    /// <param name="groupComparer">How groups are compared; null = the default comparer.</param>
    /// <param name="cancellationToken">Cancels the map-reduce: running inputs are cancelled, the rest are not started, and the report holds the groups finished by then (outcome Cancelled).</param>
    /// <exception cref="ArgumentNullException">An argument other than the optional ones is null.</exception>
    /// <exception cref="ArgumentException">A group's inputs are not consecutive in <paramref name="inputs"/>.</exception>
    /// <exception cref="InvalidOperationException">A combine call on a reducer threw (the key is named).</exception>
    /// <exception cref="ObjectDisposedException">The pool is stopping.</exception>
    public async Task<MapReduceReport<TIn, TOut, TGroup, TKey, TValue>> MapReduceByGroupAsync<TIn, TOut, TGroup, TKey, TValue>(
        IEnumerable<TIn> inputs,
        Func<TIn, TGroup> groupOf,
        Func<TIn, MapEmitter<TKey, TValue>, CancellationToken, TOut> map,
        Func<TValue, TValue, TValue> combine,
        MapReduceOptions? options = null,
        IEqualityComparer<TKey>? keyComparer = null,
        IEqualityComparer<TGroup>? groupComparer = null,
        CancellationToken cancellationToken = default) where TKey : notnull where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(groupOf);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(combine);
        options ??= MapReduceOptions.Default;
        var keys = keyComparer ?? EqualityComparer<TKey>.Default;
        var started = Stopwatch.GetTimestamp();
        var partitioner = new KeyPartitioner<TKey>(options.Reducers ?? Options.Workers, keys);
        var reducers = new IActorRef[partitioner.Reducers];
        var reducerProps = Props.Create(() => new GroupReducer<TKey, TValue>(combine, keys)).WithDispatcher(Options.Dispatcher);
        for (var r = 0; r < reducers.Length; r++) reducers[r] = System.ActorOf(reducerProps);
        try
        {
            var sink = new GroupedSink<TIn, TOut, TGroup>(groupOf, groupComparer ?? EqualityComparer<TGroup>.Default, reducers);
            // The map gets the job's own token (cancelled by the caller's token, the deadline or a forced
            // stop), so a map call that stops because of it is reported Cancelled, not Failed.
            var job = new Job<GroupedInput<TIn>, TOut>(this, sink.Read(inputs), null, null, null, options.Map,
                (input, token) => MapInput(input, map, combine, partitioner, reducers, keys, token));
            job.Start(sink, cancellationToken);
            var (completion, groups, mapped, kept) = await sink.Result.ConfigureAwait(false);
            // Not cancellable: after a cancellation the totals of the groups already kept are still wanted.
            var parts = await Task.WhenAll(reducers.Select(r => r.Ask<Reduced<TKey, TValue>>(new CollectTotals(kept), Timeout.InfiniteTimeSpan))).ConfigureAwait(false);
            var totals = new PartitionedDictionary<TKey, TValue>(partitioner, parts.Select(p => p.Results).ToArray());
            return new MapReduceReport<TIn, TOut, TGroup, TKey, TValue>(completion.Outcome, completion.Reason,
                Stopwatch.GetElapsedTime(started), completion.Retries, totals, groups, mapped);
        }
        finally
        {
            foreach (var reducer in reducers) System.Stop(reducer);
        }
    }

    /// <summary>One map task of a grouped map-reduce: map and combine the input, then send each reducer its share (after the whole call, so a failing call sends nothing).</summary>
    private static TOut MapInput<TIn, TOut, TKey, TValue>(GroupedInput<TIn> input, Func<TIn, MapEmitter<TKey, TValue>, CancellationToken, TOut> map,
        Func<TValue, TValue, TValue> combine, KeyPartitioner<TKey> partitioner, IActorRef[] reducers, IEqualityComparer<TKey> comparer, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var emitter = new MapEmitter<TKey, TValue>(combine, comparer);
        var value = map(input.Input, emitter, cancellationToken);
        var parts = NewParts<KeyValuePair<TKey, TValue>>(reducers.Length);
        if (reducers.Length == 1) parts[0].AddRange(emitter.Table);
        else foreach (var entry in emitter.Table) parts[partitioner.ReducerOf(entry.Key)].Add(entry);
        for (var r = 0; r < reducers.Length; r++) reducers[r].Tell(new GroupPartition<TKey, TValue>(input.Group, input.Index, parts[r]), ActorRefs.NoSender);
        return value;
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
