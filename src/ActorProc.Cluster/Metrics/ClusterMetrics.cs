using System.Diagnostics.Metrics;
using ActorProc.Metrics;

namespace ActorProc.Cluster.Metrics;

/// <summary>
/// The cluster instruments of a node, in the same <see cref="ActorProcMetrics.MeterName"/> meter as the
/// pool instruments (a second <see cref="Meter"/> instance with that name: listeners subscribe by name).
/// Every one carries <see cref="NodeTag"/>, the address of the node that reports it, so several nodes in
/// one process stay apart. The node's own worker pool reports the pool instruments as pool
/// <c>cluster-tasks</c>.
/// </summary>
public static class ClusterMetrics
{
    /// <summary>Tag on every cluster instrument: the reporting node's address (<c>akka.tcp://actorproc@host:port</c>).</summary>
    public const string NodeTag = "node";

    /// <summary>Tag on <see cref="MembersName"/>: a member status in snake case (<c>up</c>, <c>joining</c>, <c>weakly_up</c>, <c>leaving</c>, <c>exiting</c>, <c>down</c>, ...).</summary>
    public const string StatusTag = "status";

    /// <summary>Tag on <see cref="ShardsName"/> and <see cref="EntitiesName"/>: the entity type (<c>job</c> or <c>partition</c>).</summary>
    public const string TypeTag = "type";

    /// <summary>Tag on <see cref="JobsName"/>: a durable job's state (<c>accepted</c>, <c>running</c>, <c>completed</c>, <c>failed</c>).</summary>
    public const string StateTag = "state";

    /// <summary>Observable up-down counter, <c>{member}</c>: cluster members as this node sees them, by <see cref="StatusTag"/>.</summary>
    public const string MembersName = "actorproc.cluster.members";

    /// <summary>Observable up-down counter, <c>{member}</c>: members this node's failure detector marks unreachable.</summary>
    public const string UnreachableName = "actorproc.cluster.members.unreachable";

    /// <summary>Observable up-down counter, <c>{shard}</c>: shards hosted by this node, by <see cref="TypeTag"/> (as of the last refresh).</summary>
    public const string ShardsName = "actorproc.cluster.shards";

    /// <summary>Observable up-down counter, <c>{entity}</c>: live entities on this node, by <see cref="TypeTag"/> (as of the last refresh).</summary>
    public const string EntitiesName = "actorproc.cluster.entities";

    /// <summary>Observable up-down counter, <c>{job}</c>: durable jobs whose entity is live on this node, by <see cref="StateTag"/> (as of the last refresh; a finished job's entity stops after <c>actorproc.cluster.job.idle-after-done</c>).</summary>
    public const string JobsName = "actorproc.cluster.jobs";

    internal static readonly Meter Meter = new(ActorProcMetrics.MeterName, typeof(ClusterMetrics).Assembly.GetName().Version?.ToString());

    static ClusterMetrics()
    {
        Meter.CreateObservableUpDownCounter(MembersName, NodeMetrics.ObserveMembers, "{member}", "Cluster members as this node sees them, by status.");
        Meter.CreateObservableUpDownCounter(UnreachableName, NodeMetrics.ObserveUnreachable, "{member}", "Members this node marks unreachable.");
        Refreshed =
        [
            Meter.CreateObservableUpDownCounter(ShardsName, NodeMetrics.ObserveShards, "{shard}", "Shards hosted by this node, by entity type."),
            Meter.CreateObservableUpDownCounter(EntitiesName, NodeMetrics.ObserveEntities, "{entity}", "Live entities on this node, by entity type."),
            Meter.CreateObservableUpDownCounter(JobsName, NodeMetrics.ObserveJobs, "{job}", "Durable jobs live on this node, by state."),
        ];
    }

    /// <summary>The instruments whose values a node refreshes by asking actors.</summary>
    private static readonly ObservableInstrument<long>[] Refreshed;

    /// <summary>True while some listener reads an instrument that needs refreshing: nodes ask their actors only then.</summary>
    internal static bool RefreshWanted => Refreshed.Any(i => i.Enabled);

    /// <summary>Creates the instruments (idempotent); called when a node starts.</summary>
    internal static void EnsureCreated() => _ = Meter;
}
