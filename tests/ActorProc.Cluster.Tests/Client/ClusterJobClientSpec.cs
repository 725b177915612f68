using System.Net;
using System.Net.Sockets;
using ActorProc.Cluster.Tests.Nodes;

namespace ActorProc.Cluster.Tests.Client;

/// <summary>A client that joins as a <c>client</c> member, and what it is told when nobody answers.</summary>
public sealed class ClusterJobClientSpec
{
    [Fact]
    public async Task Client_member_submits_a_job_reads_it_and_sees_the_cluster()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());
        await using var client = await ClusterJobClient.ConnectAsync([$"127.0.0.1:{node.Address.Port}"], TimeSpan.FromSeconds(15), TestNodes.FastConfig);

        var ack = await client.SubmitAsync(new JobSpec("via-client", "square", Enumerable.Range(0, 50).Select(i => i.ToString()).ToArray(), 7));
        var status = await TestNodes.AwaitDoneAsync(client, "via-client", TimeSpan.FromSeconds(30));
        var cluster = await client.GetClusterStatusAsync();

        Assert.True(ack.IsNew);
        TestNodes.AssertOneSquarePerTask(status, 50);
        var worker = Assert.Single(cluster.Members, m => m.Roles.Contains("worker"));
        Assert.Equal(("up", true), (worker.Status, worker.Reachable));
        Assert.Contains(cluster.Members, m => m.Roles.SequenceEqual(["client"]) && m.Status == "up");
        var shards = Assert.Single(cluster.Shards);
        Assert.Equal(node.Address.ToString(), shards.Address);
        Assert.True(shards.JobShards >= 1);
    }

    [Fact]
    public async Task Client_of_a_cluster_off_loopback_is_reached_at_the_machine_s_name_not_at_loopback()
    {
        var ip = NonLoopbackAddress();
        await using var node = await ClusterNode.StartAsync(new NodeSettings { Host = ip, Port = 0, Journal = "sqlite:" + TestNodes.TempJournal(), Config = TestNodes.FastConfig }, TestTasks.Registry());
        await node.WhenUp.WaitAsync(TimeSpan.FromSeconds(15));

        await using var client = await ClusterJobClient.ConnectAsync([$"{ip}:{node.Address.Port}"], TimeSpan.FromSeconds(15), TestNodes.FastConfig);

        Assert.Equal(Dns.GetHostName(), Akka.Cluster.Cluster.Get(client.System).SelfAddress.Host);
    }

    [Fact]
    public async Task Unreachable_contact_point_fails_after_the_timeout_naming_the_address()
    {
        var port = FreePort();

        var e = await Assert.ThrowsAsync<ClusterUnreachableException>(() =>
            ClusterJobClient.ConnectAsync([$"127.0.0.1:{port}"], TimeSpan.FromSeconds(2), TestNodes.FastConfig));

        Assert.Contains($"akka.tcp://actorproc@127.0.0.1:{port}", e.Message);
    }

    [Fact]
    public async Task Journal_that_cannot_be_opened_fails_start_up_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "actorproc-no-such-dir-" + Guid.NewGuid().ToString("N"), "journal.db");

        var e = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            ClusterNode.StartAsync(new NodeSettings { Journal = "sqlite:" + path }, TestTasks.Registry()));

        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("mysql:x")]
    [InlineData("sqlite:")]
    [InlineData("journal.db")]
    public async Task Malformed_journal_setting_is_refused_naming_it(string journal)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ClusterNode.StartAsync(new NodeSettings { Journal = journal }, TestTasks.Registry()));

        Assert.Contains(journal, e.Message);
    }

    private static string NonLoopbackAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))?.ToString()
        ?? throw new InvalidOperationException("This spec needs an IPv4 address other than loopback on this machine.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
