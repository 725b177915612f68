namespace ActorProc.Tests.Pools;

public sealed class MapSpec
{
    [Fact]
    public async Task Ordered_map_equals_sequential_map_on_100k_inputs()
    {
        await using var pool = TestPools.Create();
        var inputs = Enumerable.Range(0, 100_000).ToArray();

        var values = await pool.MapAsync(inputs, x => (long)x * x % 7919).Within();

        Assert.Equal(inputs.Select(x => (long)x * x % 7919), values);
    }

    [Fact]
    public async Task Map_over_a_lazy_enumerable_keeps_input_order()
    {
        await using var pool = TestPools.Create();

        var values = await pool.MapAsync(TestPools.Lazy(50_000), x => x + 1).Within();

        Assert.Equal(Enumerable.Range(1, 50_000), values);
    }

    [Fact]
    public async Task Map_over_an_async_enumerable_keeps_input_order()
    {
        await using var pool = TestPools.Create();

        var values = await pool.MapAsync(TestPools.LazyAsync(20_000), x => x * 3).Within();

        Assert.Equal(Enumerable.Range(0, 20_000).Select(x => x * 3), values);
    }

    [Fact]
    public async Task Async_map_returns_values_in_input_order()
    {
        await using var pool = TestPools.Create();

        var values = await pool.MapAsync(Enumerable.Range(0, 2_000), async (x, ct) =>
        {
            await Task.Yield();
            return x.ToString();
        }).Within();

        Assert.Equal(Enumerable.Range(0, 2_000).Select(x => x.ToString()), values);
    }

    [Fact]
    public async Task Map_with_an_explicit_chunk_size_gives_the_same_values()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { ChunkSize = 7 });

        var values = await pool.MapAsync(Enumerable.Range(0, 10_001).ToList(), x => -x).Within();

        Assert.Equal(Enumerable.Range(0, 10_001).Select(x => -x), values);
    }

    [Fact]
    public async Task For_each_runs_every_input_exactly_once()
    {
        await using var pool = TestPools.Create();
        var seen = new int[100_000];

        await pool.ForEachAsync(Enumerable.Range(0, seen.Length), i => Interlocked.Increment(ref seen[i])).Within();

        Assert.All(seen, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task As_ordered_streams_values_in_input_order()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxInFlight = 64 });
        var streamed = new List<int>();

        await foreach (var value in pool.AsOrdered(TestPools.Lazy(5_000), x => x * 2)) streamed.Add(value);

        Assert.Equal(Enumerable.Range(0, 5_000).Select(x => x * 2), streamed);
    }

    [Fact]
    public async Task As_ordered_throws_at_the_first_task_that_did_not_succeed()
    {
        await using var pool = TestPools.Create();
        var streamed = new List<int>();

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () =>
        {
            await foreach (var value in pool.AsOrdered(Enumerable.Range(0, 100), x => x == 42 ? throw new InvalidDataException("bad row") : x))
                streamed.Add(value);
        });

        Assert.Equal(Enumerable.Range(0, 42), streamed);
        Assert.Equal(42, error.Result.Index);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public async Task As_completed_yields_every_task_once()
    {
        await using var pool = TestPools.Create();

        var results = new List<TaskResult<int, int>>();
        await foreach (var result in pool.AsCompleted(Enumerable.Range(0, 10_000), x => x + 1)) results.Add(result);

        Assert.Equal(Enumerable.Range(0, 10_000), results.Select(r => (int)r.Index).Order());
        Assert.All(results, r =>
        {
            Assert.Equal(TaskOutcome.Succeeded, r.Status);
            Assert.Equal(r.Input + 1, r.Value);
            Assert.Equal(1, r.Attempts);
            Assert.True(r.Duration >= TimeSpan.Zero);
        });
    }

    [Fact]
    public async Task Submit_returns_the_value_and_calls_the_callback()
    {
        await using var pool = TestPools.Create();
        var callback = new TaskCompletionSource<TaskResult<int, int>>(TaskCreationOptions.RunContinuationsAsynchronously);

        var handle = pool.Submit(x => x * 2, 21, r => callback.TrySetResult(r));

        Assert.Equal(42, await handle.Task.Within());
        var outcome = await callback.Task.Within();
        Assert.Equal(TaskOutcome.Succeeded, outcome.Status);
        Assert.Equal(21, outcome.Input);
        Assert.Equal(42, await pool.SubmitAsync(async (x, ct) => { await Task.Yield(); return x + 1; }, 41).Within());
    }

    [Fact]
    public async Task Submit_surfaces_the_task_exception()
    {
        await using var pool = TestPools.Create();

        var handle = pool.Submit<int, int>(x => throw new InvalidOperationException("bad input " + x), 7);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => handle.Task.Within());
        Assert.Equal("bad input 7", error.Message);
        Assert.Equal(TaskOutcome.Failed, (await handle.Outcome).Status);
    }
}
