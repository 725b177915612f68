namespace ActorProc.MapReduce;

/// <summary>
/// Assigns keys to reducers by consistent hashing: each reducer owns <see cref="VirtualNodes"/> points
/// on a ring of 32-bit hashes, and a key belongs to the first point at or after its hash. Adding a
/// reducer moves only the keys just before its new points (about 1/N of them), which is what lets the
/// same scheme spread reducers over a cluster later. Equal keys always go to the same reducer, so
/// grouping is exact (not just merging equal neighbours).
/// <para>
/// Concurrency contract: immutable after construction; any thread may call <see cref="ReducerOf"/>.
/// Key hashes come from the key's <see cref="IEqualityComparer{T}"/>, so they are stable within a
/// process (string hashes are randomized per process in .NET; a cross-machine version needs a stable hash).
/// </para>
/// </summary>
internal sealed class KeyPartitioner<TKey> where TKey : notnull
{
    public const int VirtualNodes = 64;

    private readonly uint[] _points;
    private readonly int[] _owners;
    private readonly IEqualityComparer<TKey> _comparer;

    public KeyPartitioner(int reducers, IEqualityComparer<TKey> comparer)
    {
        _comparer = comparer;
        var entries = new (uint Point, int Owner)[reducers * VirtualNodes];
        for (var r = 0; r < reducers; r++)
            for (var v = 0; v < VirtualNodes; v++)
                entries[(r * VirtualNodes) + v] = (Mix((uint)((r * 7919) + (v * 104_729) + 1)), r);
        Array.Sort(entries, static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Owner.CompareTo(b.Owner));
        _points = entries.Select(e => e.Point).ToArray();
        _owners = entries.Select(e => e.Owner).ToArray();
    }

    public int Reducers => _owners.Length / VirtualNodes;

    /// <summary>The reducer (0-based) that owns <paramref name="key"/>.</summary>
    public int ReducerOf(TKey key)
    {
        var hash = Mix((uint)_comparer.GetHashCode(key));
        var i = Array.BinarySearch(_points, hash);
        if (i < 0) i = ~i;
        return _owners[i == _points.Length ? 0 : i];
    }

    /// <summary>Murmur3's finalizer: spreads the bits of a 32-bit hash over the whole ring.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
