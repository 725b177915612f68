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
}
