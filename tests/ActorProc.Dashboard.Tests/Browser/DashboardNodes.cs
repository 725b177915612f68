using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorProc.Dashboard.Tests.Browser;

/// <summary>
/// Real <c>actorproc node</c> processes on free loopback ports sharing a SQLite journal in a temporary
/// directory, with the plugin sample's tasks; node 0 forms the cluster and serves the dashboard (<c>--dashboard-port 0</c>, its address
/// read from the node's "dashboard at" line). On dispose every process is killed and the tail of each
/// one's stderr goes to the test output.
/// </summary>
internal sealed class DashboardNodes : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Loopback timings for a busy machine, as the CLI's cluster specs use: small batches so progress moves often.</summary>
    private const string NodeConfig = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.gossip-interval = 300ms
        akka.cluster.leader-actions-interval = 300ms
        actorproc.cluster.partition.batch-size = 50
        actorproc.cluster.partition.resend-interval = 500ms
        actorproc.cluster.job.resend-interval = 500ms
        """;

    /// <summary>
    /// The clients' (submit, dashboard) requests get 60 s: right after start-up, on a loaded machine, the
    /// first job's shard is allocated and journaled while the nodes are still busy starting.
    /// </summary>
    private const string ClientConfigText = "actorproc.cluster.client.ask-timeout = 60s\n";

    private readonly ITestOutputHelper _output;
    private readonly List<ActorprocProcess> _processes = [];

    public DashboardNodes(int count, ITestOutputHelper output)
    {
        _output = output;
        Directory = Path.Combine(Path.GetTempPath(), "actorproc-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "node.conf"), NodeConfig);
        File.WriteAllText(ClientConfig, ClientConfigText);
        Ports = [.. Enumerable.Range(0, count).Select(_ => FreePort())];
    }

    public string Directory { get; }

    /// <summary>The --config of client commands.</summary>
    public string ClientConfig => Path.Combine(Directory, "client.conf");

    public IReadOnlyList<int> Ports { get; }

    public List<ActorprocProcess> Nodes { get; } = [];

    /// <summary>The dashboard's address (served by node 0).</summary>
    public Uri? Dashboard { get; private set; }

    public string Contact => $"127.0.0.1:{Ports[0]}";

    public static string Address(int port) => $"akka.tcp://actorproc@127.0.0.1:{port}";

    /// <summary>Starts every node, waits until each is up and the dashboard listens.</summary>
    public async Task StartAsync()
    {
        for (var i = 0; i < Ports.Count; i++)
        {
            string[] args = ["node", "--host", "127.0.0.1", "--port", Ports[i].ToString(), "--seed", Contact,
                "--journal", "sqlite:" + Path.Combine(Directory, "journal.db"), "--config", Path.Combine(Directory, "node.conf"),
                "--assembly", ActorprocProcess.PluginDll];
            Nodes.Add(Start($"node{i} :{Ports[i]}", i == 0 ? [.. args, "--dashboard-port", "0"] : args));
        }
        await Task.WhenAll(Nodes.Select(n => n.WaitForLineAsync("actorproc cluster: this node is up", StartTimeout)));
        Dashboard = await DashboardAddressAsync(Nodes[0]);
    }

    /// <summary>The address in a process's "actorproc: dashboard at URL" line.</summary>
    public static async Task<Uri> DashboardAddressAsync(ActorprocProcess process)
    {
        var line = await process.WaitForLineAsync("actorproc: dashboard at ", StartTimeout);
        return new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..].Split(' ')[0]);
    }

    /// <summary>Starts another actorproc command (a submit), killed on dispose like the nodes.</summary>
    public ActorprocProcess Start(string name, params string[] args)
    {
        var process = new ActorprocProcess(name, Directory, args);
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in _processes) process.Dispose();
        foreach (var process in _processes)
        {
            try
            {
                _output.WriteLine($"===== {process.Name}: stderr (tail) =====\n{process.Tail()}");
            }
            catch (InvalidOperationException)
            {
                // no test is running any more
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a killed node's journal file may still be held for a moment; the temp directory is cleaned later
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
