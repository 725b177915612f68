using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ActorProc.MapReduce;

/// <summary>
/// The result of a map-reduce: the reducers' dictionaries, read as one without copying them. A lookup
/// asks the partitioner which reducer owns the key and looks only there; the reducers' key sets are
/// disjoint, so enumeration simply concatenates them. Immutable.
/// </summary>
internal sealed class PartitionedDictionary<TKey, TResult>(KeyPartitioner<TKey> partitioner, Dictionary<TKey, TResult>[] parts)
    : IReadOnlyDictionary<TKey, TResult> where TKey : notnull
{
    public int Count { get; } = parts.Sum(p => p.Count);

    public TResult this[TKey key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' was not produced by the map step.");

    public IEnumerable<TKey> Keys => parts.SelectMany(p => p.Keys);

    public IEnumerable<TResult> Values => parts.SelectMany(p => p.Values);

    public bool ContainsKey(TKey key) => parts[partitioner.ReducerOf(key)].ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TResult value) => parts[partitioner.ReducerOf(key)].TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, TResult>> GetEnumerator() => parts.SelectMany(p => p).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
