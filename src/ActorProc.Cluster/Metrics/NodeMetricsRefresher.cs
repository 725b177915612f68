using Akka.Cluster.Sharding;

namespace ActorProc.Cluster.Metrics;

/// <summary>
/// Refreshes a node's <see cref="NodeSnapshot"/> on a timer: asks its job and partition regions for
/// their state (<see cref="GetShardRegionState"/>: the shards and entity ids on this node), then each
/// live job entity for its status (without results), and hands the counts to <see cref="NodeMetrics"/>.
/// One refresh at a time: a tick during a refresh is skipped. A failed refresh (a region or job that
/// does not answer in time) keeps the previous snapshot and is logged at debug level.
/// </summary>
internal sealed class NodeMetricsRefresher : ReceiveActor, IWithTimers
{
    private readonly NodeMetrics _metrics;
    private readonly IActorRef _jobs;
    private readonly IActorRef _partitions;
    private readonly TimeSpan _askTimeout;
    private bool _refreshing;

    public NodeMetricsRefresher(NodeMetrics metrics, IActorRef jobs, IActorRef partitions, TimeSpan interval, TimeSpan askTimeout)
    {
        _metrics = metrics;
        _jobs = jobs;
        _partitions = partitions;
        _askTimeout = askTimeout;
        Receive<Refresh>(_ =>
        {
            if (_refreshing) return;
            _refreshing = true;
            ReadAsync(_jobs, _partitions, _askTimeout).PipeTo(Self, Self, failure: e => new Status.Failure(e));
        });
        Receive<NodeSnapshot>(snapshot =>
        {
            _refreshing = false;
            _metrics.Update(snapshot);
        });
        Receive<Status.Failure>(failure =>
        {
            _refreshing = false;
            Context.GetLogger().Debug("Metrics refresh failed, keeping the previous values: {0}", failure.Cause.Message);
        });
        Timers.StartPeriodicTimer("refresh", Refresh.Instance, TimeSpan.Zero, interval);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    // Static: runs off the actor's thread and touches none of its state.
    private static async Task<NodeSnapshot> ReadAsync(IActorRef jobs, IActorRef partitions, TimeSpan timeout)
    {
        var jobRegion = jobs.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);
        var partitionRegion = partitions.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);
        var jobState = await jobRegion.ConfigureAwait(false);
        var partitionState = await partitionRegion.ConfigureAwait(false);
        var jobIds = jobState.Shards.SelectMany(s => s.EntityIds).ToArray();
        var statuses = await Task.WhenAll(jobIds.Select(id => jobs.Ask<object>(new GetJob(id, IncludeResults: false), timeout))).ConfigureAwait(false);
        var byState = statuses.OfType<JobStatus>().GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.Count());
        return new NodeSnapshot(jobState.Shards.Count, partitionState.Shards.Count, jobIds.Length,
            partitionState.Shards.Sum(s => s.EntityIds.Count), byState);
    }

    private sealed class Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
