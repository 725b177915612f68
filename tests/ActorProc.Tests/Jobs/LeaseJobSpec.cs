namespace ActorProc.Tests.Jobs;

/// <summary>
/// The lease path end to end: large list jobs through a real pool (more workers than cores, so
/// workers are preempted mid-block), each index counted with Interlocked by the task itself.
/// </summary>
public sealed class LeaseJobSpec
{
    private const int Inputs = 2_000_000;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task For_each_over_a_large_list_runs_every_index_exactly_once(int workers)
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = workers, RetryBackoff = RetryBackoff.None });
        for (var round = 0; round < 3; round++)
        {
            var seen = new int[Inputs];

            await pool.ForEachAsync(new IndexList(Inputs), i => Interlocked.Increment(ref seen[i])).Within();

            AssertEachOnce(seen);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Map_over_a_large_list_runs_every_index_exactly_once_and_keeps_its_value(int workers)
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = workers, RetryBackoff = RetryBackoff.None });
        for (var round = 0; round < 3; round++)
        {
            var seen = new int[Inputs];

            var values = await pool.MapAsync(Enumerable.Range(0, Inputs).ToArray(), i =>
            {
                Interlocked.Increment(ref seen[i]);
                return -i;
            }).Within();

            AssertEachOnce(seen);
            for (var i = 0; i < Inputs; i++) Assert.Equal(-i, values[i]);
        }
    }

    [Fact]
    public async Task Many_small_list_jobs_in_a_row_each_run_every_index_exactly_once()
    {
        // Each job's lease is broadcast to every worker; a worker still busy with the previous job's
        // lease meets the next one late. Short jobs back to back make that overlap common.
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 3, RetryBackoff = RetryBackoff.None });
        for (var job = 0; job < 300; job++)
        {
            var seen = new int[1_000 + job * 37];

            await pool.ForEachAsync(new IndexList(seen.Length), i => Interlocked.Increment(ref seen[i])).Within();

            AssertEachOnce(seen);
        }
    }

    private static void AssertEachOnce(int[] seen)
    {
        var wrong = Enumerable.Range(0, seen.Length).Where(i => seen[i] != 1).Take(5).ToArray();
        Assert.True(wrong.Length == 0, $"indices run other than once: {string.Join(", ", wrong.Select(i => $"{i} ({seen[i]}×)"))}");
    }
}
