using ActorProc.MapReduce;

namespace ActorProc.Tests.MapReduce;

public sealed class KeyPartitionerTests
{
    [Fact]
    public void Keys_spread_over_all_reducers_and_stay_put()
    {
        var partitioner = new KeyPartitioner<int>(4, EqualityComparer<int>.Default);

        var counts = Enumerable.Range(0, 100_000).GroupBy(partitioner.ReducerOf).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([0, 1, 2, 3], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 15_000, 35_000));
        Assert.All(Enumerable.Range(0, 1_000), k => Assert.Equal(partitioner.ReducerOf(k), partitioner.ReducerOf(k)));
    }

    [Fact]
    public void Adding_a_reducer_moves_only_about_one_key_in_n_and_only_to_the_new_reducer()
    {
        var three = new KeyPartitioner<string>(3, StringComparer.Ordinal);
        var four = new KeyPartitioner<string>(4, StringComparer.Ordinal);
        var keys = Enumerable.Range(0, 100_000).Select(i => "key-" + i).ToArray();

        var moved = keys.Where(k => three.ReducerOf(k) != four.ReducerOf(k)).ToArray();

        Assert.InRange(moved.Length / (double)keys.Length, 0.10, 0.40);
        Assert.All(moved, k => Assert.Equal(3, four.ReducerOf(k)));
    }
}
