using Akka.Cluster.Sharding;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace ActorProc.Cluster.Client;

public sealed partial class ClusterJobClient
{
    /// <summary>Ids per <see cref="GetJobs"/> message: bounds one reply's size (statuses carry up to 20 recent failures each).</summary>
    private const int MaxIdsPerQuery = 256;

    /// <summary>How long a shard-home table is used before it is read again from the workers' regions.</summary>
    private static readonly TimeSpan ShardHomesMaxAge = TimeSpan.FromSeconds(1);

    private readonly IMessageExtractor _jobShards;
    private volatile ShardHomes? _shardHomes;

    /// <summary>
    /// The state and counts (no results) of many jobs at once, in the order of <paramref name="jobIds"/>;
    /// null where no job has the id. The ids are grouped by the worker that holds their job's shard, and
    /// each worker answers its group (up to 256 ids) in one message: one network round trip per group
    /// instead of one per job — what a dashboard or a watcher of many jobs wants. Ids may repeat.
    /// </summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="TimeoutException">A job did not answer within the ask timeout, also when asked again on its own.</exception>
    public async Task<IReadOnlyList<JobStatus?>> GetJobsAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        for (var i = 0; i < jobIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(jobIds[i])) throw new ArgumentException($"Job id {i} is empty.", nameof(jobIds));
        }
        var statuses = new JobStatus?[jobIds.Count];
        if (jobIds.Count == 0) return statuses;
        var homes = await ShardHomesAsync(cancellationToken).ConfigureAwait(false);
        if (homes.AnyWorker is not { } anyWorker)
        {
            // No worker answered for its regions: the sharding proxy still finds the jobs, one by one.
            await AskOneByOneAsync(Enumerable.Range(0, jobIds.Count), jobIds, statuses, cancellationToken).ConfigureAwait(false);
            return statuses;
        }
        // A shard not in the table (not allocated yet, or moved since) goes to any worker: its region forwards.
        var groups = Enumerable.Range(0, jobIds.Count).GroupBy(i => homes.NodeOf(_jobShards.ShardId(jobIds[i], null)) ?? anyWorker);
        await Task.WhenAll(groups.SelectMany(g => g.Chunk(MaxIdsPerQuery).Select(positions => QueryAsync(g.Key, positions, jobIds, statuses, cancellationToken)))).ConfigureAwait(false);
        return statuses;
    }

    /// <summary>Asks one worker's gateway for the jobs at <paramref name="positions"/>; what it leaves unanswered is asked again on its own.</summary>
    private async Task QueryAsync(Address worker, int[] positions, IReadOnlyList<string> jobIds, JobStatus?[] statuses, CancellationToken cancellationToken)
    {
        var gateway = System.ActorSelection(new RootActorPath(worker) / "user" / JobQueryGateway.Name);
        IEnumerable<int> retry;
        try
        {
            var reply = await gateway.Ask<JobStatuses>(new GetJobs(positions.Select(p => jobIds[p]).ToArray()), _askTimeout, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < positions.Length; i++) statuses[positions[i]] = reply.Statuses[i];
            retry = reply.Unanswered.Select(i => positions[i]);
        }
        catch (AskTimeoutException)
        {
            _shardHomes = null; // the worker may be gone: read the table again next time
            retry = positions;
        }
        await AskOneByOneAsync(retry, jobIds, statuses, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for the jobs at <paramref name="positions"/> through the sharding proxy, each on its own (<see cref="GetJobAsync"/>).</summary>
    private Task AskOneByOneAsync(IEnumerable<int> positions, IReadOnlyList<string> jobIds, JobStatus?[] statuses, CancellationToken cancellationToken) =>
        Task.WhenAll(positions.Select(async p => statuses[p] = await GetJobAsync(jobIds[p], includeResults: false, cancellationToken).ConfigureAwait(false)));

    private async Task<ShardHomes> ShardHomesAsync(CancellationToken cancellationToken)
    {
        if (_shardHomes is { } current && current.Age < ShardHomesMaxAge) return current;
        var regions = await WorkerRegionsAsync(cancellationToken).ConfigureAwait(false);
        var homes = new ShardHomes(
            regions.SelectMany(r => r.Jobs.Shards.Select(s => (s.ShardId, r.Worker))).GroupBy(h => h.ShardId).ToDictionary(g => g.Key, g => g.First().Worker, StringComparer.Ordinal),
            regions.Count > 0 ? regions[0].Worker : null,
            Stopwatch.GetTimestamp());
        _shardHomes = homes;
        return homes;
    }

    /// <summary>Which worker holds each job shard, as its region last reported; immutable.</summary>
    private sealed record ShardHomes(Dictionary<string, Address> Nodes, Address? AnyWorker, long ReadAt)
    {
        public TimeSpan Age => Stopwatch.GetElapsedTime(ReadAt);

        public Address? NodeOf(string shardId) => Nodes.GetValueOrDefault(shardId);
    }
}
