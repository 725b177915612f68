namespace ActorProc.Core.Routing;

/// <summary>
/// A hash ring: every node owns <c>virtualNodesFactor</c> points (hashes of "nodeId#i"), and a key belongs to
/// the first point at or after its hash, wrapping around. Adding a node therefore only takes over the keys just
/// before its own points (about 1/N of them); every other key stays where it was. Immutable once built, so
/// any number of threads may look up keys at once.
/// </summary>
internal sealed class ConsistentHashRing
{
    /// <summary>Point hashes, ascending.</summary>
    private readonly uint[] _points;

    /// <summary>Owner (index into the node list given to <see cref="Create"/>) of each point.</summary>
    private readonly int[] _owners;

    private ConsistentHashRing(uint[] points, int[] owners)
    {
        _points = points;
        _owners = owners;
    }

    /// <summary>Number of points on the ring.</summary>
    public int PointCount => _points.Length;

    /// <summary>Builds the ring for <paramref name="nodeIds"/> (stable ids such as actor paths).</summary>
    /// <exception cref="ArgumentException">No nodes, or a factor below 1.</exception>
    public static ConsistentHashRing Create(IReadOnlyList<string> nodeIds, int virtualNodesFactor)
    {
        if (nodeIds.Count == 0) throw new ArgumentException("A hash ring needs at least one node.", nameof(nodeIds));
        if (virtualNodesFactor < 1) throw new ArgumentOutOfRangeException(nameof(virtualNodesFactor), virtualNodesFactor, "At least one virtual node per node.");
        var entries = new (uint Hash, string Id, int Owner)[nodeIds.Count * virtualNodesFactor];
        var k = 0;
        for (var node = 0; node < nodeIds.Count; node++)
            for (var v = 0; v < virtualNodesFactor; v++)
                entries[k++] = (MurmurHash3.Hash($"{nodeIds[node]}#{v}".AsSpan()), nodeIds[node], node);
        // Ties (two points with one hash) are broken by node id, so the ring does not depend on the node order.
        Array.Sort(entries, static (a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : string.CompareOrdinal(a.Id, b.Id));
        var points = new uint[entries.Length];
        var owners = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            points[i] = entries[i].Hash;
            owners[i] = entries[i].Owner;
        }
        return new ConsistentHashRing(points, owners);
    }

    /// <summary>The node owning <paramref name="keyHash"/>.</summary>
    public int NodeFor(uint keyHash)
    {
        var i = Array.BinarySearch(_points, keyHash);
        if (i < 0) i = ~i;
        if (i == _points.Length) i = 0;
        return _owners[i];
    }

    /// <summary>The node owning <paramref name="key"/> (hashed with <see cref="ConsistentHashKey"/>).</summary>
    public int NodeFor(object key) => NodeFor(ConsistentHashKey.Hash(key));
}
