using Akka.Configuration;
using ActorProc.Cluster.Tests.Nodes;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// Two nodes in this process on 127.0.0.1 sharing a SQLite journal: <see cref="Target"/> (the node under
/// attack, which formed the cluster) and <see cref="Peer"/>. Timings are short so the specs stay fast: an
/// inbound connection must complete Akka's handshake within 3 s (<c>connection-timeout</c>), and repeated
/// log lines are summarized every second (<c>actorproc.logging.repeat-interval</c>).
/// </summary>
public class TwoNodeCluster : IAsyncLifetime
{
    public static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RepeatInterval = TimeSpan.FromSeconds(1);

    public ClusterNode Target { get; private set; } = null!;
    public ClusterNode Peer { get; private set; } = null!;

    public int TargetPort => Target.Address.Port!.Value;

    /// <summary>Extra HOCON of both nodes (e.g. TLS), over <see cref="HostileConfig"/>.</summary>
    protected virtual Config Extra => Config.Empty;

    public static Config HostileConfig => ConfigurationFactory.ParseString($"""
        akka.remote.dot-netty.tcp.connection-timeout = {ConnectionTimeout.TotalSeconds}s
        actorproc.logging.repeat-interval = {RepeatInterval.TotalSeconds}s
        # Tearing the fixture down: a region's graceful stop waits this long for buffered requests (Akka's default 10 s).
        akka.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 2s
        """).WithFallback(TestNodes.FastConfig);

    public async Task InitializeAsync()
    {
        var journal = "sqlite:" + TestNodes.TempJournal();
        var config = Extra.WithFallback(HostileConfig);
        Target = await ClusterNode.StartAsync(new NodeSettings { Port = 0, Journal = journal, Config = config }, TestTasks.Registry());
        await Target.WhenUp.WaitAsync(TimeSpan.FromSeconds(20));
        Peer = await ClusterNode.StartAsync(new NodeSettings { Port = 0, Journal = journal, Seeds = [$"127.0.0.1:{TargetPort}"], Config = config }, TestTasks.Registry());
        await Peer.WhenUp.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        if (Peer is not null) await Peer.DisposeAsync();
        if (Target is not null) await Target.DisposeAsync();
    }

    /// <summary>
    /// The cluster still serves: both systems alive, both members up and reachable from the target, and
    /// a small durable job submitted through the peer completes with one correct result per task.
    /// </summary>
    public async Task AssertServesAsync(string jobId)
    {
        Assert.False(Target.WhenTerminated.IsCompleted, "the attacked node's actor system terminated");
        Assert.False(Peer.WhenTerminated.IsCompleted, "the peer's actor system terminated");
        var state = Akka.Cluster.Cluster.Get(Target.System).State;
        Assert.Equal(2, state.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up));
        Assert.Empty(state.Unreachable);

        const int tasks = 20;
        var spec = new JobSpec(jobId, "counted-square", Enumerable.Range(0, tasks).Select(i => $"{jobId}:{i}").ToArray(), partitionSize: 5);
        await Peer.Jobs.SubmitAsync(spec);
        var status = await TestNodes.AwaitDoneAsync(Peer.Jobs, jobId, TimeSpan.FromSeconds(30));
        TestNodes.AssertOneSquarePerTask(status, tasks);
    }
}
