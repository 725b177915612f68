namespace ActorProc.Tests;

/// <summary>Helpers shared by the processing API tests.</summary>
internal static class TestPools
{
    /// <summary>Bounds the wait of a test on something that should finish quickly; only reached when a test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A standalone pool with test-friendly defaults: 2 workers unless the options say otherwise, no
    /// retry delay, and a bounded drain so that a failing test cannot hang in DisposeAsync.
    /// </summary>
    public static WorkerPool Create(WorkerPoolOptions? options = null)
    {
        options ??= new WorkerPoolOptions { Workers = 2, RetryBackoff = RetryBackoff.None };
        return WorkerPool.Create(options with { DrainTimeout = options.DrainTimeout ?? TimeSpan.FromSeconds(10) });
    }

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);

    public static Task Within(this Task task) => task.WaitAsync(Patience);

    /// <summary>Inputs yielded one by one, so the pool cannot see a list or a count.</summary>
    public static IEnumerable<int> Lazy(int count)
    {
        for (var i = 0; i < count; i++) yield return i;
    }

    public static async IAsyncEnumerable<int> LazyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0) await Task.Yield();
            yield return i;
        }
    }
}

/// <summary>A failure the tests' retry policies treat as transient.</summary>
internal sealed class TransientTestException(string message) : Exception(message);

/// <summary>A failure the tests' pools classify as fatal (it kills the worker).</summary>
internal sealed class FatalTestException(string message) : Exception(message);
