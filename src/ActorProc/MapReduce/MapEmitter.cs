using System.Runtime.InteropServices;

namespace ActorProc.MapReduce;

/// <summary>
/// Where one map call of <c>WorkerPool.MapReduceByGroupAsync</c> puts its key/value pairs. Pairs of the
/// same key are combined at once with the map-reduce's combiner (the local combine before the shuffle),
/// so a map call holds one value per distinct key however many pairs it emits. Used by the one thread
/// running the map call; valid only during that call.
/// </summary>
/// <typeparam name="TKey">Key type.</typeparam>
/// <typeparam name="TValue">Value type.</typeparam>
public sealed class MapEmitter<TKey, TValue> where TKey : notnull
{
    private readonly Func<TValue, TValue, TValue> _combine;

    internal MapEmitter(Func<TValue, TValue, TValue> combine, IEqualityComparer<TKey> comparer)
    {
        _combine = combine;
        Table = new Dictionary<TKey, TValue>(comparer);
    }

    /// <summary>The combined pairs so far.</summary>
    internal Dictionary<TKey, TValue> Table { get; }

    /// <summary>Distinct keys emitted so far.</summary>
    public int Count => Table.Count;

    /// <summary>Emits <paramref name="value"/> for <paramref name="key"/>, combined with the value already emitted for it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Emit(TKey key, TValue value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Table, key, out var exists);
        slot = exists ? _combine(slot!, value) : value;
    }
}
