namespace ActorProc.Tests.MapReduce;

public sealed class MapReduceSpec
{
    [Fact]
    public async Task Map_reduce_equals_a_linq_group_by_on_a_million_random_keys()
    {
        await using var pool = TestPools.Create();
        var random = new Random(12345);
        var keys = Enumerable.Range(0, 1_000_000).Select(_ => random.Next(0, 50_000)).ToArray();

        var counts = await pool.MapReduceAsync(keys,
            map: k => new[] { (k, 1) },
            reduce: (k, ones) => ones.Sum()).Within();

        var expected = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Count, counts.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, counts[e.Key]));
    }

    [Fact]
    public async Task A_combiner_gives_the_same_result()
    {
        await using var pool = TestPools.Create();
        var random = new Random(99);
        var keys = Enumerable.Range(0, 1_000_000).Select(_ => random.Next(0, 1_000)).ToArray();

        var counts = await pool.MapReduceAsync(keys,
            map: k => new[] { (k, 1L) },
            reduce: (k, partials) => partials.Sum(),
            combine: (k, partials) => partials.Sum(),
            new MapReduceOptions { Reducers = 3 }).Within();

        Assert.Equal(keys.GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count()), counts.ToDictionary());
    }

    [Fact]
    public async Task Equal_keys_that_are_not_neighbours_are_grouped_together()
    {
        // The seed's example only merged runs of equal neighbours; here "a" is split by "b" and must still form one group.
        await using var pool = TestPools.Create();
        string[] lines = ["a b", "b a", "c a", "a"];

        var words = await pool.MapReduceAsync(lines,
            map: line => line.Split(' ').Select(w => (w, 1)),
            reduce: (w, ones) => ones.Count(),
            options: new MapReduceOptions { BatchSize = 1 }).Within();

        Assert.Equal(new Dictionary<string, int> { ["a"] = 4, ["b"] = 2, ["c"] = 1 }, words.ToDictionary());
    }

    [Fact]
    public async Task A_failing_reduce_names_its_key()
    {
        await using var pool = TestPools.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.MapReduceAsync(Enumerable.Range(0, 100),
            map: x => new[] { (x % 5, x) },
            reduce: (k, xs) => k == 3 ? throw new ArithmeticException("no") : xs.Sum()).Within());

        Assert.Contains("'3'", error.Message);
    }
}
