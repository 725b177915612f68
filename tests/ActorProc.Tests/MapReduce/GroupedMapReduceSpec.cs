namespace ActorProc.Tests.MapReduce;

public sealed class GroupedMapReduceSpec
{
    /// <summary>Inputs as (group, keys): each input emits one per key.</summary>
    private static IEnumerable<(int Group, int[] Keys)> Inputs(int groups, int perGroup, int keysPerInput, int seed)
    {
        var random = new Random(seed);
        for (var g = 0; g < groups; g++)
            for (var i = 0; i < perGroup; i++)
                yield return (g, Enumerable.Range(0, keysPerInput).Select(_ => random.Next(0, 5_000)).ToArray());
    }

    private static int CountKeys((int Group, int[] Keys) input, MapEmitter<int, long> emit, CancellationToken _)
    {
        foreach (var key in input.Keys) emit.Emit(key, 1);
        return emit.Count;
    }

    [Fact]
    public async Task Totals_equal_a_linq_group_by_over_every_group_under_concurrency()
    {
        await using var pool = TestPools.Create();
        var inputs = Inputs(groups: 20, perGroup: 10, keysPerInput: 5_000, seed: 7).ToList();

        var report = await pool.MapReduceByGroupAsync(inputs, i => i.Group,
            ((int Group, int[] Keys) input, MapEmitter<int, long> emit, CancellationToken token) => CountKeys(input, emit, token), (a, b) => a + b,
            new MapReduceOptions { Reducers = 3 }).Within();

        var expected = inputs.SelectMany(i => i.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(JobOutcome.Completed, report.Outcome);
        Assert.True(report.AllSucceeded);
        Assert.Equal(expected, report.Totals.ToDictionary());
        Assert.Equal(Enumerable.Range(0, 20), report.Groups.Select(g => g.Group));
        Assert.All(report.Groups, g => Assert.Equal((TaskOutcome.Succeeded, 10L, 10L), (g.Status, g.Inputs, g.Succeeded)));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), report.Inputs.Select(r => r.Index));
        // The combiner ran in the map task: each input kept one value per distinct key.
        Assert.All(report.Inputs, r => Assert.Equal(inputs[(int)r.Index].Keys.Distinct().Count(), r.Value));
    }

    [Fact]
    public async Task A_group_with_a_failed_input_contributes_nothing_and_the_others_still_count()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 2, MaxRetries = 0, RetryBackoff = RetryBackoff.None });
        var inputs = Inputs(groups: 4, perGroup: 5, keysPerInput: 1_000, seed: 11).Select((x, i) => (x.Group, x.Keys, Index: i)).ToList();

        var report = await pool.MapReduceByGroupAsync(inputs, i => i.Group,
            ((int Group, int[] Keys, int Index) input, MapEmitter<int, long> emit, CancellationToken _) =>
            {
                if (input.Index == 12) throw new IOException("disk on fire");
                foreach (var key in input.Keys) emit.Emit(key, 1L);
                return 0;
            },
            (a, b) => a + b).Within();

        var expected = inputs.Where(i => i.Group != 2).SelectMany(i => i.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(JobOutcome.Completed, report.Outcome);
        Assert.False(report.AllSucceeded);
        Assert.Equal(expected, report.Totals.ToDictionary());
        var failed = Assert.Single(report.Groups, g => !g.IsSucceeded);
        Assert.Equal((2, TaskOutcome.Failed, 5L, 4L), (failed.Group, failed.Status, failed.Inputs, failed.Succeeded));
        Assert.Equal(12, failed.FirstFailure!.Index);
        Assert.IsType<IOException>(failed.FirstFailure.Exception);
        Assert.Equal(TaskOutcome.Failed, report.Inputs[12].Status);
    }

    [Fact]
    public async Task Cancelling_returns_the_groups_finished_so_far_labelled_cancelled_instead_of_throwing()
    {
        await using var pool = TestPools.Create();
        using var cancel = new CancellationTokenSource();
        var inputs = Inputs(groups: 6, perGroup: 4, keysPerInput: 100, seed: 3).ToList();
        var finishedFirstTwo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = 0;

        var running = pool.MapReduceByGroupAsync(inputs, i => i.Group,
            ((int Group, int[] Keys) input, MapEmitter<int, long> emit, CancellationToken token) =>
            {
                if (input.Group >= 2)
                {
                    token.WaitHandle.WaitOne(); // held until cancelled, like a read that notices between blocks
                    token.ThrowIfCancellationRequested();
                }
                foreach (var key in input.Keys) emit.Emit(key, 1L);
                if (Interlocked.Increment(ref done) == 8) finishedFirstTwo.TrySetResult();
                return 0;
            },
            (a, b) => a + b, new MapReduceOptions { Map = new JobOptions { MaxInFlight = 4 } }, cancellationToken: cancel.Token);
        await finishedFirstTwo.Task.Within();
        await cancel.CancelAsync();
        var report = await running.Within();

        Assert.Equal(JobOutcome.Cancelled, report.Outcome);
        var expected = inputs.Where(i => i.Group < 2).SelectMany(i => i.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected, report.Totals.ToDictionary());
        Assert.All(report.Groups.Where(g => g.Group < 2), g => Assert.True(g.IsSucceeded));
        Assert.All(report.Groups.Where(g => g.Group >= 2), g => Assert.Equal(TaskOutcome.Cancelled, g.Status));
        Assert.All(report.Inputs.Where(r => r.Input.Group >= 2), r => Assert.Equal(TaskOutcome.Cancelled, r.Status));
    }

    [Fact]
    public async Task A_group_cut_short_by_cancellation_is_not_reported_as_succeeded()
    {
        // Group 0's first input succeeds; the run is cancelled before its second input is read.
        await using var pool = TestPools.Create();
        using var cancel = new CancellationTokenSource();

        IEnumerable<int> Source()
        {
            yield return 1;
            cancel.Cancel();
            yield return 2;
        }

        var report = await pool.MapReduceByGroupAsync(Source(), _ => "one-group",
            (int x, MapEmitter<string, int> emit, CancellationToken _) =>
            {
                emit.Emit("x", x);
                return x;
            },
            (a, b) => a + b, new MapReduceOptions { Map = new JobOptions { MaxInFlight = 1 } }, cancellationToken: cancel.Token).Within();

        Assert.Equal(JobOutcome.Cancelled, report.Outcome);
        var group = Assert.Single(report.Groups);
        Assert.Equal(TaskOutcome.Cancelled, group.Status);
        Assert.Empty(report.Totals);
    }

    [Fact]
    public async Task A_timed_out_input_drops_its_group_even_when_it_finishes_late()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 2, MaxRetries = 0, RetryBackoff = RetryBackoff.None });
        var release = new ManualResetEventSlim();
        int[] inputs = [0, 1, 2, 3];

        var report = await pool.MapReduceByGroupAsync(inputs, x => x / 2,
            (int x, MapEmitter<string, long> emit, CancellationToken _) =>
            {
                if (x == 3) release.Wait(); // held past the task timeout, then finishes and sends its pairs
                emit.Emit("n", 1L);
                return x;
            },
            (a, b) => a + b, new MapReduceOptions { Map = new JobOptions { TaskTimeout = TimeSpan.FromMilliseconds(200) } }).Within();
        release.Set();

        Assert.Equal(TaskOutcome.TimedOut, report.Groups[1].Status);
        Assert.True(report.Groups[0].IsSucceeded);
        Assert.Equal(2L, report.Totals["n"]);
    }

    [Fact]
    public async Task Groups_whose_inputs_are_not_consecutive_are_refused()
    {
        await using var pool = TestPools.Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => pool.MapReduceByGroupAsync(new[] { "a", "b", "a" }, x => x,
            (string x, MapEmitter<string, int> emit, CancellationToken _) => 0, (a, b) => a + b).Within());

        Assert.Contains("'a'", error.Message);
    }
}
