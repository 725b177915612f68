namespace ActorProc.Tests.Pools;

public sealed class OptionsValidationSpec
{
    public static TheoryData<string, Action> BadOptions => new()
    {
        { "Workers", () => _ = new WorkerPoolOptions { Workers = 0 } },
        { "Workers", () => _ = new WorkerPoolOptions { Workers = -3 } },
        { "MaxRetries", () => _ = new WorkerPoolOptions { MaxRetries = -1 } },
        { "ChunkSize", () => _ = new WorkerPoolOptions { ChunkSize = 0 } },
        { "TaskTimeout", () => _ = new WorkerPoolOptions { TaskTimeout = TimeSpan.Zero } },
        { "TaskTimeout", () => _ = new WorkerPoolOptions { TaskTimeout = TimeSpan.FromSeconds(-1) } },
        { "JobDeadline", () => _ = new WorkerPoolOptions { JobDeadline = TimeSpan.Zero } },
        { "MaxInFlight", () => _ = new WorkerPoolOptions { MaxInFlight = 0 } },
        { "MaxConcurrency", () => _ = new WorkerPoolOptions { MaxConcurrency = 0 } },
        { "MaxTasksPerWorker", () => _ = new WorkerPoolOptions { MaxTasksPerWorker = 0 } },
        { "ChunkTargetDuration", () => _ = new WorkerPoolOptions { ChunkTargetDuration = TimeSpan.Zero } },
        { "ShutdownTimeout", () => _ = new WorkerPoolOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(-5) } },
        { "Dispatcher", () => _ = new WorkerPoolOptions { Dispatcher = " " } },
        { "RetryBackoff", () => _ = new WorkerPoolOptions { RetryBackoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0) } },
        { "RetryBackoff", () => _ = new WorkerPoolOptions { RetryBackoff = new RetryBackoff(TimeSpan.Zero, TimeSpan.Zero, 1.5) } },
        { "RetryBackoff", () => _ = new WorkerPoolOptions { RetryBackoff = null! } },
        { "ChunkSize", () => _ = new JobOptions { ChunkSize = -1 } },
        { "TaskTimeout", () => _ = new JobOptions { TaskTimeout = TimeSpan.Zero } },
        { "MaxRetries", () => _ = new JobOptions { MaxRetries = -2 } },
        { "ProgressInterval", () => _ = new JobOptions { ProgressInterval = TimeSpan.Zero } },
        { "JobId", () => _ = new JobOptions { JobId = "" } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Invalid_settings_throw_an_argument_exception_naming_the_setting(string name, Action set)
    {
        var error = Assert.ThrowsAny<ArgumentException>(set);
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public async Task Null_delegates_and_sources_throw_an_argument_exception_naming_the_parameter()
    {
        await using var pool = TestPools.Create();
        int[] inputs = [1, 2];

        Assert.Equal("work", Assert.ThrowsAny<ArgumentException>(() => pool.CreateJob(inputs, (Func<int, int>)null!)).ParamName);
        Assert.Equal("work", Assert.ThrowsAny<ArgumentException>(() => pool.CreateJob(inputs, (Func<int, CancellationToken, Task<int>>)null!)).ParamName);
        Assert.Equal("inputs", Assert.ThrowsAny<ArgumentException>(() => pool.CreateJob((IEnumerable<int>)null!, x => x)).ParamName);
        Assert.Equal("work", Assert.ThrowsAny<ArgumentException>(() => pool.Submit((Func<int, int>)null!, 1)).ParamName);
        Assert.Equal("action", (await Assert.ThrowsAnyAsync<ArgumentException>(() => pool.ForEachAsync(inputs, (Action<int>)null!))).ParamName);
        // A synchronous delegate that returns a task would never be awaited: it is rejected.
        Assert.Equal("work", Assert.ThrowsAny<ArgumentException>(() => pool.CreateJob(inputs, x => Task.FromResult(x))).ParamName);
    }

    [Fact]
    public void An_unknown_dispatcher_fails_when_the_pool_is_created()
    {
        Assert.ThrowsAny<Exception>(() => WorkerPool.Create(new WorkerPoolOptions { Dispatcher = "no-such-dispatcher" }));
    }

    [Fact]
    public void Retry_backoff_grows_exponentially_up_to_its_maximum()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), 0);

        Assert.Equal([10, 20, 40, 80, 100, 100], Enumerable.Range(1, 6).Select(n => backoff.DelayFor(n).TotalMilliseconds));
        var jittered = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.5);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.InRange(jittered.DelayFor(1).TotalMilliseconds, 50, 150));
    }
}
