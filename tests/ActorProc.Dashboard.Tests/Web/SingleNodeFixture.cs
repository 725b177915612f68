using ActorProc.Cluster.Nodes;
using ActorProc.Tasks;

namespace ActorProc.Dashboard.Tests.Web;

/// <summary>One in-process cluster node (a cluster of its own, SQLite journal in a temporary file) whose client the server specs sample.</summary>
public sealed class SingleNodeFixture : IAsyncLifetime
{
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"actorproc-dashboard-{Guid.NewGuid():N}.db");

    public ClusterNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var config = Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING");
        Node = await ClusterNode.StartAsync(new NodeSettings { Host = "127.0.0.1", Port = 0, Journal = "sqlite:" + _journal, Config = config }, new TaskRegistry());
        await Node.WhenUp.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_journal)!, Path.GetFileName(_journal) + "*")) File.Delete(file);
    }
}
