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
            Thread.Sleep(5);
            var n = int.Parse(input[(input.LastIndexOf(':') + 1)..]);
            return n * n;
        });
        return registry;
    }

    public static int RunsOf(string prefix) => Runs.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Value);

    /// <summary>Waits until tasks whose input starts with <paramref name="prefix"/> have run at least <paramref name="runs"/> times.</summary>
    public static async Task AwaitRunsAsync(string prefix, int runs, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (RunsOf(prefix) < runs)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {runs} runs of {prefix} tasks.");
            await Task.Delay(20); // the counter is bumped on pool threads; there is no event to await
        }
    }
}
