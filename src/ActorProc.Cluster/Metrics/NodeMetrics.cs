using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace ActorProc.Cluster.Metrics;

/// <summary>
/// What one node reports through the <see cref="ClusterMetrics"/> instruments. Members and unreachable
/// members are read from Akka's cluster state at each collection; the shard regions' state and the
/// jobs' states need asking actors, so <see cref="NodeMetricsRefresher"/> asks for them every
/// <c>actorproc.cluster.metrics.refresh-interval</c> and stores a <see cref="NodeSnapshot"/> here.
/// <para>
/// Concurrency contract: <see cref="Update"/> is called by the refresher actor; the observable
/// callbacks run on the collecting listener's thread. The snapshot is an immutable object swapped
/// with a volatile write, so a collection sees one whole refresh. The registry of live nodes is a
/// concurrent dictionary; a node leaves it when its actor system terminates.
/// </para>
/// </summary>
internal sealed class NodeMetrics
{
    private static readonly ConcurrentDictionary<NodeMetrics, byte> Live = new();
    private static readonly MemberStatus[] Statuses = Enum.GetValues<MemberStatus>();
    private static readonly JobState[] States = Enum.GetValues<JobState>();

    private readonly Akka.Cluster.Cluster _cluster;
    private readonly KeyValuePair<string, object?> _node;
    private volatile NodeSnapshot _snapshot = NodeSnapshot.Empty;

    private NodeMetrics(Akka.Cluster.Cluster cluster)
    {
        _cluster = cluster;
        _node = new KeyValuePair<string, object?>(ClusterMetrics.NodeTag, cluster.SelfAddress.ToString());
    }

    /// <summary>
    /// Starts reporting for a node whose job and partition regions have started: registers it and
    /// starts the refresher actor (it stops with the system, and the node leaves the registry then).
    /// </summary>
    /// <exception cref="ConfigurationException"><c>actorproc.cluster.metrics.refresh-interval</c> is not a positive duration.</exception>
    public static NodeMetrics Start(ActorSystem system, TimeSpan askTimeout)
    {
        var interval = system.Settings.Config.GetTimeSpan("actorproc.cluster.metrics.refresh-interval", TimeSpan.FromSeconds(5), allowInfinite: false);
        if (interval <= TimeSpan.Zero)
            throw new ConfigurationException($"actorproc.cluster.metrics.refresh-interval = {interval}: must be a positive duration.");
        ClusterMetrics.EnsureCreated();
        var metrics = new NodeMetrics(Akka.Cluster.Cluster.Get(system));
        var sharding = ClusterSharding.Get(system);
        system.ActorOf(Props.Create(typeof(NodeMetricsRefresher), metrics, sharding.ShardRegion(EntityIds.JobType),
            sharding.ShardRegion(EntityIds.PartitionType), interval, askTimeout), "actorproc-metrics");
        Live.TryAdd(metrics, 0);
        _ = system.WhenTerminated.ContinueWith(_ => Live.TryRemove(metrics, out var _), TaskScheduler.Default);
        return metrics;
    }

    /// <summary>The last refresh (for tests and the refresher).</summary>
    public NodeSnapshot Snapshot => _snapshot;

    public void Update(NodeSnapshot snapshot) => _snapshot = snapshot;

    internal static IEnumerable<Measurement<long>> ObserveMembers() => Observe(static (node, add) =>
    {
        var state = node._cluster.State;
        foreach (var status in Statuses)
            add(state.Members.Count(m => m.Status == status), new KeyValuePair<string, object?>(ClusterMetrics.StatusTag, SnakeCase(status.ToString())));
    });

    internal static IEnumerable<Measurement<long>> ObserveUnreachable() => Observe(static (node, add) => add(node._cluster.State.Unreachable.Count, null));

    internal static IEnumerable<Measurement<long>> ObserveShards() => Observe(static (node, add) =>
    {
        var snapshot = node._snapshot;
        add(snapshot.JobShards, TypeTag("job"));
        add(snapshot.PartitionShards, TypeTag("partition"));
    });

    internal static IEnumerable<Measurement<long>> ObserveEntities() => Observe(static (node, add) =>
    {
        var snapshot = node._snapshot;
        add(snapshot.JobEntities, TypeTag("job"));
        add(snapshot.PartitionEntities, TypeTag("partition"));
    });

    internal static IEnumerable<Measurement<long>> ObserveJobs() => Observe(static (node, add) =>
    {
        var jobs = node._snapshot.Jobs;
        foreach (var state in States)
            add(jobs.GetValueOrDefault(state), new KeyValuePair<string, object?>(ClusterMetrics.StateTag, SnakeCase(state.ToString())));
    });

    private static KeyValuePair<string, object?> TypeTag(string type) => new(ClusterMetrics.TypeTag, type);

    private static List<Measurement<long>> Observe(Action<NodeMetrics, Action<long, KeyValuePair<string, object?>?>> read)
    {
        var measurements = new List<Measurement<long>>();
        foreach (var node in Live.Keys)
            read(node, (value, tag) => measurements.Add(tag is { } t ? new Measurement<long>(value, node._node, t) : new Measurement<long>(value, node._node)));
        return measurements;
    }

    /// <summary><c>WeaklyUp</c> → <c>weakly_up</c>, as OpenTelemetry attribute values are written.</summary>
    internal static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
