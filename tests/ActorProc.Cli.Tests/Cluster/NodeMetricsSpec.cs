using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorProc.Cluster.Processes;
using Xunit.Abstractions;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// <c>actorproc node --metrics-port</c>: real node processes serve the ActorProc instruments in
/// Prometheus text format; the spec scrapes them over HTTP, and again after one node is killed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeMetricsSpec(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Heartbeats tolerate a 3 s pause on the loaded test machine (as the other multi-process specs);
    // the node re-reads shards and jobs often so the scrape sees them soon.
    private const string NodeConfig = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.gossip-interval = 300ms
        akka.cluster.leader-actions-interval = 300ms
        actorproc.cluster.metrics.refresh-interval = 300ms
        """;

    private readonly TempDirectory _directory = new();
    private readonly List<CliProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Nodes_serve_their_instruments_in_prometheus_format_and_a_killed_peer_leaves_the_up_members()
    {
        int[] ports = [FreePort(), FreePort()], metricsPorts = [FreePort(), FreePort()];
        var config = _directory.File("node.conf", System.Text.Encoding.UTF8.GetBytes(NodeConfig));
        var journal = "sqlite:" + Path.Combine(_directory.Path, "journal.db");
        // Each node its own --metrics-port: started one by one rather than through the TestKit's ClusterFixture (same arguments for every node).
        var cli = ActorProcCli.FromPath(CliRunner.CliDll);
        var nodes = Enumerable.Range(0, 2).Select(i => Track(new CliProcess(cli, $"node{i}", _directory.Path, ["node", "--port", ports[i].ToString(),
            "--seed", $"127.0.0.1:{ports[0]}", "--journal", journal, "--config", config, "--metrics-port", metricsPorts[i].ToString()]))).ToArray();
        await Task.WhenAll(nodes.Select(n => n.WaitForLineAsync("actorproc cluster: this node is up", StartTimeout)));
        Assert.Contains($"actorproc: metrics at http://127.0.0.1:{metricsPorts[0]}/metrics", nodes[0].Stderr);

        await ScrapeUntilAsync(metricsPorts[0], text => Value(text, "actorproc_cluster_members", "status=\"up\"") == 2, "two members up");

        // The pool's series are there before its first task (counters appear with their first task;
        // their values are the MeterListener specs' business, the exporter's format OpenTelemetry's).
        var first = await ScrapeAsync(metricsPorts[0]);
        Assert.Equal(0, Value(first, "actorproc_pool_tasks_in_flight", "pool=\"cluster-tasks\""));
        Assert.Equal(0, Value(first, "actorproc_pool_queue_depth", "pool=\"cluster-tasks\""));
        Assert.Equal(0, Value(first, "actorproc_cluster_jobs", "state=\"running\"", $"node=\"akka.tcp://actorproc@127.0.0.1:{ports[0]}\""));

        // A killed node is downed and removed within about a second (its port refuses connections: see
        // ExitedMemberDowning), often before a scrape could see it unreachable: it leaves the up members.
        nodes[1].Kill();
        await ScrapeUntilAsync(metricsPorts[0], text => Value(text, "actorproc_cluster_members", "status=\"up\"") == 1, "the killed node no longer up");
    }

    [Fact]
    public async Task A_metrics_port_in_use_fails_with_exit_code_2_naming_the_port()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var result = await CliRunner.RunInAsync(_directory.Path, "node", "--metrics-port", port.ToString(), "--journal", "sqlite:" + Path.Combine(_directory.Path, "j.db"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", result.Stderr);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
            output.WriteLine($"--- {process.Name} stderr (tail) ---\n{process.Tail(40)}");
        }
        _http.Dispose();
        _directory.Dispose();
    }

    private CliProcess Track(CliProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private Task<string> ScrapeAsync(int port) => _http.GetStringAsync($"http://127.0.0.1:{port}/metrics");

    /// <summary>Scrapes until the text satisfies <paramref name="condition"/>: gossip, refreshes and failure detection have no event a test could await.</summary>
    private async Task ScrapeUntilAsync(int port, Func<string, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var text = "";
        while (!timeout.IsCancellationRequested)
        {
            text = await ScrapeAsync(port);
            if (condition(text)) return;
            await Task.Delay(200);
        }
        Assert.Fail($"Not seen within {Patience.TotalSeconds:0} s: {what}. Last scrape of :{port}:\n{text}");
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels contain every one of <paramref name="labels"/>; null when there is none.</summary>
    private static long? Value(string text, string metric, params string[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal) && !line.StartsWith(metric + " ", StringComparison.Ordinal)) continue;
            if (!labels.All(l => line.Contains(l, StringComparison.Ordinal))) continue;
            var value = line[(line.LastIndexOf(' ') + 1)..];
            return (long)double.Parse(value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
