using Akka.Cluster.Sharding;

namespace ActorProc.Cluster.Metrics;

/// <summary>
/// Refreshes a node's <see cref="NodeSnapshot"/> on a timer: asks its job and partition regions for
/// their state (<see cref="GetShardRegionState"/>: the shards and entity ids on this node), then each
/// live job entity for its status (without results), and hands the counts to <see cref="NodeMetrics"/>.
/// One refresh at a time: a tick during a refresh is skipped. A failed refresh (a region or job that
/// does not answer in time) keeps the previous snapshot and is logged at debug level.
/// <para>
/// A finished job is asked once: its state is final, and every query restarts the entity's
/// <c>idle-after-done</c> wait, so asking on every refresh would keep finished jobs in memory for ever.
/// Their states are remembered for as long as their entities stay live.
/// </para>
/// </summary>
internal sealed class NodeMetricsRefresher : ReceiveActor, IWithTimers
{
    private readonly NodeMetrics _metrics;
    private readonly IActorRef _jobs;
    private readonly IActorRef _partitions;
    private readonly TimeSpan _askTimeout;
    private IReadOnlyDictionary<string, JobState> _finished = new Dictionary<string, JobState>();
    private bool _refreshing;

    public NodeMetricsRefresher(NodeMetrics metrics, IActorRef jobs, IActorRef partitions, TimeSpan interval, TimeSpan askTimeout)
    {
        _metrics = metrics;
        _jobs = jobs;
        _partitions = partitions;
        _askTimeout = askTimeout;
        Receive<Refresh>(_ =>
        {
            if (_refreshing || !ClusterMetrics.RefreshWanted) return; // nobody listens: ask no actor
            _refreshing = true;
            ReadAsync(_jobs, _partitions, _askTimeout, _finished).PipeTo(Self, Self, failure: e => new Status.Failure(e));
        });
        Receive<Refreshed>(refreshed =>
        {
            _refreshing = false;
            _finished = refreshed.Finished;
            _metrics.Update(refreshed.Snapshot);
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

    // Static: runs off the actor's thread and touches none of its state (finished is not changed).
    private static async Task<Refreshed> ReadAsync(IActorRef jobs, IActorRef partitions, TimeSpan timeout, IReadOnlyDictionary<string, JobState> finished)
    {
        var jobRegion = jobs.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);
        var partitionRegion = partitions.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);
        var jobState = await jobRegion.ConfigureAwait(false);
        var partitionState = await partitionRegion.ConfigureAwait(false);
        var jobIds = jobState.Shards.SelectMany(s => s.EntityIds).ToArray();
        var states = await Task.WhenAll(jobIds.Select(id => StateAsync(jobs, id, timeout, finished))).ConfigureAwait(false);
        var byState = states.Where(s => s.State is not null).GroupBy(s => s.State!.Value).ToDictionary(g => g.Key, g => g.Count());
        var stillFinished = states.Where(s => s.State is JobState.Completed or JobState.Failed).ToDictionary(s => s.Id, s => s.State!.Value);
        return new Refreshed(new NodeSnapshot(jobState.Shards.Count, partitionState.Shards.Count, jobIds.Length,
            partitionState.Shards.Sum(s => s.EntityIds.Count), byState), stillFinished);
    }

    /// <summary>A job's state: remembered when it is final, else asked (null when the entity has no job).</summary>
    private static async Task<(string Id, JobState? State)> StateAsync(IActorRef jobs, string id, TimeSpan timeout, IReadOnlyDictionary<string, JobState> finished)
    {
        if (finished.TryGetValue(id, out var known)) return (id, known);
        return await jobs.Ask<object>(new GetJob(id, IncludeResults: false), timeout).ConfigureAwait(false) is JobStatus status ? (id, status.State) : (id, null);
    }

    /// <summary>The result of one refresh: the snapshot, and the finished jobs not to ask again.</summary>
    private sealed record Refreshed(NodeSnapshot Snapshot, IReadOnlyDictionary<string, JobState> Finished);

    private sealed class Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
