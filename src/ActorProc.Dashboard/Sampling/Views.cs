namespace ActorProc.Dashboard.Sampling;

// What the page shows, as immutable records serialized to JSON (camelCase) for /api/snapshot and the
// event stream. Times are UTC; counts are tasks.

/// <summary>
/// One cluster member as the dashboard's member sees it; kept for a while after it is removed, with
/// <see cref="Reachable"/> as last seen (false: it died and was downed; true: it left gracefully).
/// </summary>
internal sealed record MemberView(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable, bool IsSelf);

/// <summary>The shards and live entities of one worker node.</summary>
internal sealed record ShardView(string Address, int JobShards, int PartitionShards, int Jobs, int Partitions);

/// <summary>A job the dashboard has seen running; <see cref="FinishedAt"/> is set once it is no longer running.</summary>
internal sealed record JobView(string Id, string Task, string State, long Total, long Succeeded, long Failed, long Reexecuted,
    string? Error, DateTimeOffset FirstSeen, DateTimeOffset? FinishedAt);

/// <summary>Tasks completed per second over the interval that ends at <see cref="Time"/>.</summary>
internal sealed record ThroughputPoint(DateTimeOffset Time, double TasksPerSecond);

/// <summary>A task that did not succeed: its job, index, input (null when unknown) and error.</summary>
internal sealed record FailureView(string JobId, long Index, string? Input, string Error, DateTimeOffset SeenAt);

/// <summary>What the job sampler last learnt: jobs, throughput history, failures, and when or why not.</summary>
internal sealed record JobsView(IReadOnlyList<ShardView> Shards, IReadOnlyList<JobView> Running, IReadOnlyList<JobView> Recent,
    IReadOnlyList<ThroughputPoint> Throughput, IReadOnlyList<FailureView> Failures, DateTimeOffset? SampledAt, string? Error)
{
    public static readonly JobsView Empty = new([], [], [], [], [], null, null);
}

/// <summary>One push to the page: everything it shows.</summary>
/// <param name="Sequence">Increases by one per snapshot, so a client can tell a new one from a repeat.</param>
/// <param name="Time">When the snapshot was made.</param>
/// <param name="Viewer">The address of the member the dashboard sees the cluster through.</param>
/// <param name="Members">Members, fresh at <paramref name="Time"/>.</param>
/// <param name="WindowSeconds">How far back the throughput chart reaches.</param>
/// <param name="Jobs">Shards, jobs, throughput and failures as of <see cref="JobsView.SampledAt"/> (a status query can take longer than a snapshot interval).</param>
internal sealed record DashboardSnapshot(long Sequence, DateTimeOffset Time, string Viewer, IReadOnlyList<MemberView> Members, double WindowSeconds, JobsView Jobs);
