using System.Collections.Concurrent;

namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>Tasks registered by the cluster specs; runs are counted per input so a spec can tell how often a task ran.</summary>
internal static class TestTasks
{
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    public static TaskRegistry Registry()
    {
        var registry = new TaskRegistry();
        registry.Register<int, int>("square", x => x * x);
        // "key:n" → n*n, counting runs by key; slow enough that a node can be stopped mid-job.
        registry.Register<string, int>("counted-square", input =>
        {
            Runs.AddOrUpdate(input, 1, (_, n) => n + 1);
            SignalWaiters();
            Thread.Sleep(5);
            var n = int.Parse(input[(input.LastIndexOf(':') + 1)..]);
            return n * n;
        });
        return registry;
    }

    public static int RunsOf(string prefix) => Runs.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Value);

    private static readonly ConcurrentDictionary<(string Prefix, int Runs), TaskCompletionSource> Waiters = new();

    /// <summary>Completes when tasks whose input starts with <paramref name="prefix"/> have run at least <paramref name="runs"/> times.</summary>
    public static async Task AwaitRunsAsync(string prefix, int runs, TimeSpan timeout)
    {
        var reached = Waiters.GetOrAdd((prefix, runs), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        SignalWaiters(); // the count may be there already
        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Fewer than {runs} runs of {prefix} tasks after {timeout} ({RunsOf(prefix)} so far).");
        }
        finally
        {
            Waiters.TryRemove((prefix, runs), out _);
        }
    }

    /// <summary>Called by every run (on pool threads): completes the waiters whose count is reached.</summary>
    private static void SignalWaiters()
    {
        foreach (var ((prefix, runs), waiter) in Waiters)
            if (RunsOf(prefix) >= runs) waiter.TrySetResult();
    }
}
