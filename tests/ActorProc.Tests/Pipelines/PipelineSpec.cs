using ActorProc.Pipelines;

namespace ActorProc.Tests.Pipelines;

public sealed class PipelineSpec : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("pipelines");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task A_slow_last_stage_bounds_how_far_ahead_the_source_is_read()
    {
        var first = new StageOptions { Parallelism = 2, BufferSize = 4 };
        var second = new StageOptions { Parallelism = 4, BufferSize = 4 };
        var last = new StageOptions { Parallelism = 1, BufferSize = 2 };
        var bound = (2 + 4) + (4 + 4) + (1 + 2);
        var pulled = 0;
        var finished = 0;
        var worstLead = 0;
        IEnumerable<int> Generate()
        {
            for (var i = 0; i < 300; i++)
            {
                worstLead = Math.Max(worstLead, ++pulled - Volatile.Read(ref finished));
                yield return i;
            }
        }
        var pipeline = Pipeline.Start<int>()
            .Then("double", x => x * 2, first)
            .Then("enrich", async (x, ct) => { await Task.Yield(); return x + 1; }, second)
            .Then("slow", async (x, ct) =>
            {
                await Task.Delay(1, ct); // the bottleneck
                Interlocked.Increment(ref finished);
                return x;
            }, last)
            .Build();

        var results = new List<int>();
        await foreach (var value in pipeline.Run(_system, Generate()).Results) results.Add(value);

        Assert.Equal(Enumerable.Range(0, 300).Select(x => (x * 2) + 1).Order(), results.Order());
        Assert.InRange(worstLead, 1, bound);
    }

    [Fact]
    public async Task An_ordered_pipeline_keeps_source_order_despite_uneven_durations()
    {
        var pipeline = Pipeline.Start<int>()
            .Then("jitter", async (x, ct) =>
            {
                if (x % 3 == 0) await Task.Delay(2, ct);
                return x;
            }, new StageOptions { Parallelism = 8 })
            .Then("square", x => (long)x * x, new StageOptions { Parallelism = 3 })
            .Build();

        var results = new List<long>();
        await foreach (var value in pipeline.Run(_system, Enumerable.Range(0, 200), new PipelineOptions { Ordered = true }).Results) results.Add(value);

        Assert.Equal(Enumerable.Range(0, 200).Select(x => (long)x * x), results);
    }

    [Fact]
    public async Task A_failed_item_goes_to_the_errors_and_the_pipeline_keeps_running()
    {
        var pipeline = Pipeline.Start<string>()
            .Then("parse", int.Parse, new StageOptions { Parallelism = 2 })
            .Then("invert", x => 100 / x)
            .Build();

        var run = pipeline.Run(_system, ["1", "x", "4", "0", "5"], new PipelineOptions { Ordered = true });
        var results = new List<int>();
        await foreach (var value in run.Results) results.Add(value);
        var summary = await run.Completion.Within();

        Assert.Equal([100, 25, 20], results);
        Assert.Equal(5, summary.Read);
        Assert.Equal(3, summary.Succeeded);
        Assert.Equal(2, summary.Failed);
        Assert.Contains(summary.Errors, e => e is { Stage: "parse", SourceIndex: 1, Item: "x", Exception: FormatException });
        Assert.Contains(summary.Errors, e => e is { Stage: "invert", SourceIndex: 3, Item: 0, Exception: DivideByZeroException });
    }

    [Fact]
    public async Task A_failing_source_completes_the_pipeline_with_its_error_after_the_items_before_it()
    {
        IEnumerable<int> Broken()
        {
            yield return 1;
            yield return 2;
            throw new IOException("disk gone");
        }
        var pipeline = Pipeline.Start<int>().Then("id", x => x).Build();

        var run = pipeline.Run(_system, Broken());
        var results = new List<int>();
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var value in run.Results) results.Add(value);
        });

        Assert.Equal("disk gone", error.Message);
        Assert.Equal([1, 2], results.Order());
        await Assert.ThrowsAsync<IOException>(() => run.Completion.Within());
    }

    [Fact]
    public async Task Cancelling_a_run_stops_the_source_and_cancels_its_completion()
    {
        using var cts = new CancellationTokenSource();
        var pulled = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return i;
            }
        }
        var pipeline = Pipeline.Start<int>().Then("wait", async (x, ct) => { await Task.Delay(Timeout.Infinite, ct); return x; }, new StageOptions { Parallelism = 4 }).Build();

        var run = pipeline.Run(_system, Endless(), cancellationToken: cts.Token);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion.Within());
        Assert.True(pulled < 100, $"pulled {pulled}");
    }

    [Fact]
    public async Task A_source_stops_pulling_once_cancelled_even_when_stages_keep_asking_for_more()
    {
        // Regression: under load the cancellation message reached the source behind demand from a stage
        // whose items failed at once with the cancelled token, and each failure pulled another input (335).
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var pulled = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return i;
            }
        }
        var pipeline = Pipeline.Start<int>().Then("fail-fast", async (x, ct) => { await Task.Delay(Timeout.Infinite, ct); return x; }, new StageOptions { Parallelism = 4 }).Build();

        var run = pipeline.Run(_system, Endless(), cancellationToken: cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion.Within());
        Assert.Equal(0, pulled);
    }

    [Fact]
    public void Building_checks_its_arguments()
    {
        var start = Pipeline.Start<int>();
        Assert.Equal("function", Assert.ThrowsAny<ArgumentException>(() => start.Then("a", (Func<int, int>)null!)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => start.Then(" ", x => x)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => start.Then("a", x => x).Then("a", x => x)).ParamName);
        Assert.Equal("Parallelism", Assert.ThrowsAny<ArgumentException>(() => new StageOptions { Parallelism = 0 }).ParamName);
        Assert.Equal("BufferSize", Assert.ThrowsAny<ArgumentException>(() => new StageOptions { BufferSize = 0 }).ParamName);
        Assert.Throws<InvalidOperationException>(() => start.Build());
    }
}
