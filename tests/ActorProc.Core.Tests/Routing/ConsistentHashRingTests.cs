using System.Text;
using ActorProc.Core.Routing;

namespace ActorProc.Core.Tests.Routing;

public sealed class ConsistentHashRingTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 10_000).Select(i => $"key-{i}").ToArray();

    private static string[] Nodes(int count) => Enumerable.Range(0, count).Select(i => $"actorproc://sys/user/workers/$node{i}").ToArray();

    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("test", 0u, 0xBA6BD213u)]
    [InlineData("Hello, world!", 1234u, 0xFAF6CDB3u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747B28Cu, 0x2FA826CDu)]
    public void MurmurHash3_matches_the_published_test_vectors(string text, uint seed, uint expected) =>
        Assert.Equal(expected, MurmurHash3.Hash(Encoding.UTF8.GetBytes(text), seed));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("héllo wörld, 你好")]
    public void Hashing_chars_equals_hashing_their_utf16_little_endian_bytes(string text) =>
        Assert.Equal(MurmurHash3.Hash(Encoding.Unicode.GetBytes(text)), MurmurHash3.Hash(text.AsSpan()));

    [Fact]
    public void Keys_hash_by_their_invariant_string_form()
    {
        Assert.Equal(ConsistentHashKey.Hash("42"), ConsistentHashKey.Hash(42));
        Assert.Equal(ConsistentHashKey.Hash("1.5"), ConsistentHashKey.Hash(1.5));
        var id = Guid.NewGuid();
        Assert.Equal(ConsistentHashKey.Hash(id.ToString()), ConsistentHashKey.Hash(id));
    }

    [Fact]
    public void The_same_key_always_maps_to_the_same_node_whatever_the_node_order()
    {
        var nodes = Nodes(5);
        var ring = ConsistentHashRing.Create(nodes, 10);
        var reversed = ConsistentHashRing.Create(nodes.Reverse().ToArray(), 10);

        foreach (var key in Keys)
        {
            var owner = nodes[ring.NodeFor(key)];
            Assert.Equal(owner, nodes[ring.NodeFor(key)]);
            Assert.Equal(owner, nodes.Reverse().ToArray()[reversed.NodeFor(key)]);
        }
    }

    [Theory]
    // The new node's fair share is 1/6 of the keys. Its real share varies with the number of virtual nodes: by
    // about ±5 points with 10 (the default; this node set happens to give it 30%), ±2 points with 100.
    [InlineData(10, 0.15)]
    [InlineData(100, 0.05)]
    public void Adding_a_node_moves_only_keys_to_the_new_node_and_about_one_nth_of_them(int virtualNodes, double tolerance)
    {
        var before = Nodes(5);
        var after = Nodes(6);
        var ringBefore = ConsistentHashRing.Create(before, virtualNodes);
        var ringAfter = ConsistentHashRing.Create(after, virtualNodes);

        var moved = 0;
        foreach (var key in Keys)
        {
            var oldOwner = before[ringBefore.NodeFor(key)];
            var newOwner = after[ringAfter.NodeFor(key)];
            if (oldOwner == newOwner) continue;
            moved++;
            Assert.Equal(after[5], newOwner);
        }

        Assert.InRange(moved, 1, (int)(Keys.Length * (1.0 / 6 + tolerance)));
    }

    [Fact]
    public void Keys_spread_over_all_nodes()
    {
        var nodes = Nodes(8);
        var ring = ConsistentHashRing.Create(nodes, 10);

        var counts = Keys.GroupBy(k => ring.NodeFor(k)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(8, counts.Count);
        // Fair share 1250; 10 virtual nodes keep every node within a factor of about two of it.
        Assert.All(counts.Values, n => Assert.InRange(n, 400, 2600));
    }

    [Fact]
    public void More_virtual_nodes_spread_keys_more_evenly()
    {
        var nodes = Nodes(8);
        double Spread(int factor)
        {
            var ring = ConsistentHashRing.Create(nodes, factor);
            var counts = Keys.GroupBy(k => ring.NodeFor(k)).Select(g => (double)g.Count()).ToArray();
            return counts.Max() / counts.Min();
        }

        Assert.True(Spread(200) < Spread(1));
    }
}
