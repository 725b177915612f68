using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// Real <c>actorproc node</c> processes on free loopback ports sharing one journal (by default a SQLite
/// file in a temporary directory), the first node forming the cluster. Started nodes are waited for by their
/// "this node is up" line. On dispose every process it started is killed and each one's stderr (the
/// tail) goes to the test's output, which the runner shows when a test fails.
/// </summary>
internal sealed class TestCluster : IDisposable
{
    /// <summary>Start-up of a node on a loaded 2-core machine: a JIT-cold .NET process, remoting, the journal.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Tight but safe timings for loopback on a busy machine: heartbeats tolerate a 3 s pause (the
    /// default 2 s is tuned for failover speed, and these tests load both cores on purpose); faster
    /// gossip and leader actions, so clients join and leave in a fraction of the default ~1.5 s each;
    /// small batches, so a crash re-runs little and progress moves often.
    /// </summary>
    private const string NodeConfig = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.gossip-interval = 300ms
        akka.cluster.leader-actions-interval = 300ms
        actorproc.cluster.partition.batch-size = 50
        actorproc.cluster.partition.resend-interval = 500ms
        actorproc.cluster.job.resend-interval = 500ms
        """;

    private readonly ITestOutputHelper _output;
    private readonly List<CliProcess> _processes = [];
    private readonly TempDirectory _directory = new();

    /// <param name="journal">The nodes' --journal (e.g. <c>postgres:...</c>); default a fresh SQLite file, <see cref="SqliteJournal"/>.</param>
    public TestCluster(int nodes, ITestOutputHelper output, string? journal = null)
    {
        _output = output;
        Ports = [.. Enumerable.Range(0, nodes).Select(_ => FreePort())];
        SqliteJournal = Path.Combine(_directory.Path, "journal.db");
        Journal = journal ?? "sqlite:" + SqliteJournal;
        ConfigFile = _directory.File("node.conf", System.Text.Encoding.UTF8.GetBytes(NodeConfig));
    }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>The nodes' --journal value.</summary>
    public string Journal { get; }

    /// <summary>The SQLite file of the default journal (absent when the cluster was given another journal).</summary>
    public string SqliteJournal { get; }

    public string ConfigFile { get; }

    public string Directory => _directory.Path;

    /// <summary>The --cluster value: every node.</summary>
    public string Contact => string.Join(",", Ports.Select(p => $"127.0.0.1:{p}"));

    public List<CliProcess?> Nodes { get; } = [];

    /// <summary>Starts every node (node 0 forms the cluster, the others join it) and waits until each is up.</summary>
    public async Task StartAsync()
    {
        Nodes.Clear();
        for (var i = 0; i < Ports.Count; i++) Nodes.Add(StartNode(i));
        await Task.WhenAll(Nodes.Select(n => n!.WaitForLineAsync("actorproc cluster: this node is up", StartTimeout)));
    }

    public CliProcess StartNode(int i)
    {
        var node = Track(new CliProcess($"node{i} :{Ports[i]}", _directory.Path, "node", "--host", "127.0.0.1", "--port", Ports[i].ToString(),
            "--seed", $"127.0.0.1:{Ports[0]}", "--journal", Journal, "--config", ConfigFile));
        return node;
    }

    /// <summary>Starts an actorproc command (e.g. a submit to follow), killed on dispose like the nodes.</summary>
    public CliProcess Start(string name, params string[] args) => Track(new CliProcess(name, _directory.Path, args));

    public void Dispose()
    {
        foreach (var process in _processes) process.Dispose();
        foreach (var process in _processes)
        {
            try
            {
                _output.WriteLine($"===== {process.Name}: stderr (tail) =====\n{CliProcess.Tail(process.Stderr)}");
            }
            catch (InvalidOperationException)
            {
                // no test is running any more
            }
        }
        _directory.Dispose();
    }

    private CliProcess Track(CliProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
