using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// <c>actorproc node</c> processes on free loopback ports with a fresh SQLite journal in a temporary
/// directory of their own (one per round, so no round recovers another's jobs), the first node forming
/// the cluster. Nodes run with ActorProc's default settings unless <paramref name="config"/> is given;
/// a node may be pinned to one core (<c>taskset -c CORE</c>). Dispose kills every node and deletes the
/// directory. The cluster commands' helpers (submit, run) are here too.
/// </summary>
/// <param name="cli">The built ActorProc.Cli.dll.</param>
/// <param name="nodes">How many nodes.</param>
/// <param name="cores">Core each node is pinned to (null = not pinned); one entry per node when given.</param>
/// <param name="config">HOCON for every node (--config), or null for the defaults.</param>
internal sealed class LocalCluster(string cli, int nodes, IReadOnlyList<int>? cores = null, string? config = null) : IDisposable
{
    /// <summary>Start-up of a JIT-cold node on a loaded 2-core machine: remoting, the journal, joining.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The text a node logs once it is an up member.</summary>
    public const string UpLine = "actorproc cluster: this node is up";

    private readonly string _directory = Directory.CreateTempSubdirectory("actorproc-bench-cluster-").FullName;
    private readonly List<WatchedProcess> _nodes = [];

    /// <summary>The nodes' ports, node 0 first (the seed and, being the oldest, the shard coordinators' home).</summary>
    public IReadOnlyList<int> Ports { get; } = [.. Enumerable.Range(0, nodes).Select(_ => FreePort())];

    /// <summary>Every node as <c>host:port</c>.</summary>
    public IReadOnlyList<string> ContactPoints => [.. Ports.Select(p => $"127.0.0.1:{p}")];

    /// <summary>The --cluster value: every node.</summary>
    public string Contact => string.Join(",", ContactPoints);

    /// <summary>The started nodes, in port order.</summary>
    public IReadOnlyList<WatchedProcess> Nodes => _nodes;

    /// <summary>Address of node <paramref name="i"/> as Akka writes it.</summary>
    public string Address(int i) => $"akka.tcp://actorproc@127.0.0.1:{Ports[i]}";

    /// <summary>Starts every node and waits until each logs that it is up.</summary>
    /// <exception cref="TimeoutException">A node was not up within <see cref="StartTimeout"/>.</exception>
    public async Task StartAsync()
    {
        var journal = "sqlite:" + Path.Combine(_directory, "journal.db");
        string[] extra = [];
        if (config is not null)
        {
            var file = Path.Combine(_directory, "node.conf");
            await File.WriteAllTextAsync(file, config).ConfigureAwait(false);
            extra = ["--config", file];
        }

        for (var i = 0; i < nodes; i++)
        {
            string[] node = [cli, "node", "--host", "127.0.0.1", "--port", $"{Ports[i]}", "--seed", $"127.0.0.1:{Ports[0]}", "--journal", journal, .. extra];
            _nodes.Add(cores is null
                ? new WatchedProcess($"node{i}", Hash.Tools.DotnetHost(), node, _directory)
                : new WatchedProcess($"node{i} (core {cores[i]})", "taskset", ["-c", $"{cores[i]}", Hash.Tools.DotnetHost(), .. node], _directory));
        }

        await Task.WhenAll(_nodes.Select(n => n.WaitForLineAsync(l => l.Contains(UpLine, StringComparison.Ordinal), StartTimeout, "saying it is up"))).ConfigureAwait(false);
    }

    /// <summary>Runs <c>actorproc submit</c> (or any command given) against this cluster and waits for it.</summary>
    public (TimeSpan Elapsed, int ExitCode, string Stdout, string Stderr) Submit(params string[] arguments) =>
        Hash.Tools.Run(Hash.Tools.DotnetHost(), [cli, "submit", .. arguments, "--cluster", Contact]);

    /// <summary>Kills every node and deletes the journal's directory.</summary>
    public void Dispose()
    {
        foreach (var node in _nodes) node.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process: the temp directory is cleaned by the system
        }
    }

    /// <summary>Σ i² for i &lt; n, as sumsq prints one task's result (and, times the tasks, the total).</summary>
    public static Int128 SumSquares(long n) => (Int128)(n - 1) * n * (2 * n - 1) / 6;

    /// <summary>
    /// Checks a sumsq --json document: every task succeeded and the total is <paramref name="tasks"/> ×
    /// Σ i². Returns the job's own elapsed_ms and the failure (null when correct).
    /// </summary>
    public static (double ElapsedMs, long Reexecuted, string? Failure) CheckSumSquares(string label, int exitCode, string stdout, string stderr, long n, long tasks)
    {
        if (exitCode != 0) return (0, 0, $"{label} exited with {exitCode}: {Last(stderr)}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var total = root.GetProperty("results")[0].GetProperty("output").GetRawText();
        var expected = (SumSquares(n) * tasks).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reexecuted = root.TryGetProperty("reexecuted", out var r) ? r.GetInt64() : 0;
        var succeeded = root.GetProperty("succeeded").GetInt64();
        string? failure = succeeded != tasks ? $"{label}: {succeeded} of {tasks} tasks succeeded"
            : total != expected ? $"{label}: total {total}, expected {expected}"
            : null;
        return (root.GetProperty("elapsed_ms").GetDouble(), reexecuted, failure);
    }

    /// <summary>Seconds between two <see cref="Stopwatch"/> timestamps.</summary>
    public static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;

    private static string Last(string text) => string.Join('\n', text.Trim().Split('\n').TakeLast(10));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
