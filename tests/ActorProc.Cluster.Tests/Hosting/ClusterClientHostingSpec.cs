using System.Net;
using System.Net.Sockets;
using ActorProc.Cluster.Hosting;
using ActorProc.Cluster.Tests.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorProc.Cluster.Tests.Hosting;

/// <summary>A generic host as a client of an ActorProc cluster: <see cref="ClusterJobClient"/> from DI, configured by IConfiguration.</summary>
public sealed class ClusterClientHostingSpec
{
    [Fact]
    public async Task The_host_connects_the_injected_client_on_start_and_leaves_the_cluster_on_stop()
    {
        await using var node = await TestNodes.StartAsync(TestNodes.TempJournal());
        using var host = Build(new Dictionary<string, string?> { ["ActorProc:Cluster:ContactPoints:0"] = $"127.0.0.1:{node.Address.Port}" },
            s => s.AddHostedService<EarlyUser>());
        var early = host.Services.GetServices<IHostedService>().OfType<EarlyUser>().Single(); // built before the start

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var client = host.Services.GetRequiredService<ClusterJobClient>();
        var ack = await client.SubmitAsync(new JobSpec("hosted-client", "square", Enumerable.Range(0, 20).Select(i => i.ToString()).ToArray(), 4));
        var status = await TestNodes.AwaitDoneAsync(client, "hosted-client", TimeSpan.FromSeconds(30));

        Assert.Same(client, await early.Connection.GetAsync());
        Assert.True(ack.IsNew);
        TestNodes.AssertOneSquarePerTask(status, 20);
        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(client.System.WhenTerminated.IsCompleted); // left the cluster and stopped its system
    }

    [Fact]
    public async Task An_unreachable_cluster_fails_the_hosts_start_naming_the_contact_point()
    {
        var port = FreePort();
        using var host = Build(new Dictionary<string, string?>
        {
            ["ActorProc:Cluster:ContactPoints"] = $"127.0.0.1:{port}",
            ["ActorProc:Cluster:ConnectTimeout"] = "00:00:01",
        });

        var e = await Assert.ThrowsAsync<ClusterUnreachableException>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains($"127.0.0.1:{port}", e.Message);
    }

    [Fact]
    public void Without_a_contact_point_resolving_the_client_says_which_setting_is_missing()
    {
        using var host = Build(new Dictionary<string, string?>());

        var e = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<ClusterJobClientConnection>());

        Assert.Contains("ActorProc:Cluster:ContactPoints", e.Message);
    }

    private static IHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureServices(s =>
            {
                services?.Invoke(s);
                s.AddActorProcClusterClient(o => o.Config = TestNodes.FastConfig);
            })
            .Build();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A hosted service built before the host starts: it takes the connection, not the client.</summary>
    private sealed class EarlyUser(ClusterJobClientConnection connection) : IHostedService
    {
        public ClusterJobClientConnection Connection { get; } = connection;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
