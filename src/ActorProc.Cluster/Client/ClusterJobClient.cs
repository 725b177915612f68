using System.Net;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using ActorProc.Cluster.Configuration;
using ActorProc.Cluster.Nodes;

namespace ActorProc.Cluster.Client;

/// <summary>
/// Submits durable jobs to a cluster and reads their state (what <c>actorproc submit/job/status</c> use).
/// <para>
/// <see cref="ConnectAsync"/> joins the cluster as a member with the role <c>client</c>: it holds no
/// shards (sharding runs on <c>worker</c> members; the client uses sharding proxies) and does not count
/// in the split-brain resolver's majority. Why a member rather than Akka's ClusterClient: requests go
/// straight to the entity's node through sharding (no receptionist hop), membership and shard
/// placement for <see cref="GetClusterStatusAsync"/> come from the client's own view of the cluster, and
/// nodes need no extra set-up. The price: nodes must be able to reach the client's address too
/// (configure <c>akka.remote.dot-netty.tcp.hostname</c> when the default is not reachable), and a client
/// killed without leaving is downed by the split-brain resolver after a few seconds.
/// </para>
/// <para>
/// Concurrency contract: every method may be called from any thread, concurrently; requests are
/// independent asks. The shard-home table of <see cref="GetJobsAsync"/> is an immutable snapshot
/// swapped whole (a stale one only costs a hop). Dispose once: <see cref="DisposeAsync"/> leaves the
/// cluster gracefully.
/// </para>
/// </summary>
public sealed partial class ClusterJobClient : IAsyncDisposable
{
    private const string WorkerRole = "worker";
    private readonly IActorRef _jobs;
    private readonly TimeSpan _askTimeout;
    private readonly bool _ownsSystem;

    internal ClusterJobClient(ActorSystem system, IActorRef jobs, TimeSpan askTimeout, bool ownsSystem)
    {
        System = system;
        _jobs = jobs;
        _askTimeout = askTimeout;
        _ownsSystem = ownsSystem;
        _jobShards = ShardingExtractors.Jobs(ClusterJobSettings.FromConfig(system.Settings.Config).JobShards);
    }

    /// <summary>The actor system the client talks through (its own, or the node's for <see cref="ClusterNode.Jobs"/>).</summary>
    public ActorSystem System { get; }

    /// <summary>
    /// Joins the cluster through <paramref name="contactPoints"/> as a <c>client</c> member and waits
    /// until it is up.
    /// </summary>
    /// <param name="contactPoints">Nodes as <c>"host:port"</c>; any one of them that answers is enough.</param>
    /// <param name="timeout">How long to try before giving up.</param>
    /// <param name="config">Further HOCON (e.g. the client's own <c>akka.remote.dot-netty.tcp.hostname</c>); null = none.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <exception cref="ArgumentException">No contact point, or one is not <c>host:port</c>.</exception>
    /// <exception cref="ClusterUnreachableException">No contact point answered within <paramref name="timeout"/>; the message names them.</exception>
    public static async Task<ClusterJobClient> ConnectAsync(IReadOnlyList<string> contactPoints, TimeSpan timeout, Config? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contactPoints);
        if (contactPoints.Count == 0) throw new ArgumentException("Give at least one contact point (host:port).", nameof(contactPoints));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var user = config ?? Config.Empty;
        var systemName = ClusterConfig.WithDefaults(user).GetString("actorproc.cluster.system-name");
        var protocol = ClusterTls.Protocol(ClusterConfig.WithDefaults(user));
        var addresses = contactPoints.Select(c => Endpoints.ToAddress(c, systemName, "contact point", protocol)).ToArray();
        var loopback = addresses.All(a => a.Host is "localhost" || (IPAddress.TryParse(a.Host, out var ip) && IPAddress.IsLoopback(ip)));
        // The client's address: loopback when the cluster is on loopback, else the machine's name. Stated
        // either way: cluster.conf's 127.0.0.1 would otherwise win, and nodes on other machines (or in other
        // containers) could not answer the client. The user's config overrides it.
        var clientDefaults = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp.port = 0
            akka.remote.dot-netty.tcp.hostname = {{ClusterConfig.Quote(loopback ? "127.0.0.1" : Dns.GetHostName())}}
            """);
        var forced = ConfigurationFactory.ParseString("""
            akka.cluster.roles = ["client"]
            akka.cluster.seed-nodes = []
            """);
        var system = ClusterTls.CreateSystem(systemName, ClusterConfig.WithDefaults(forced.WithFallback(user).WithFallback(clientDefaults)));
        try
        {
            var settings = ClusterJobSettings.FromConfig(system.Settings.Config);
            var cluster = Akka.Cluster.Cluster.Get(system);
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            cluster.JoinSeedNodes(addresses);
            var jobs = await ClusterSharding.Get(system).StartProxyAsync(EntityIds.JobType, WorkerRole, ShardingExtractors.Jobs(settings.JobShards)).ConfigureAwait(false);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var finished = await Task.WhenAny(up.Task, Task.Delay(timeout, timer.Token)).ConfigureAwait(false);
            timer.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            if (finished != up.Task) throw new ClusterUnreachableException(addresses.Select(a => a.ToString()).ToArray(), timeout);
            return new ClusterJobClient(system, jobs, settings.AskTimeout, ownsSystem: true);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Submits a job and returns once it is in the journal. Idempotent by job id: when a job with this id
    /// exists, its acknowledgement (<see cref="JobAcknowledgement.IsNew"/> false) is returned and nothing
    /// runs again. A job whose task is unknown on the accepting node comes back <see cref="JobState.Failed"/>
    /// with the task's name in <see cref="JobAcknowledgement.Error"/>.
    /// </summary>
    /// <exception cref="TimeoutException">No answer within <c>actorproc.cluster.client.ask-timeout</c> (no worker up?).</exception>
    public async Task<JobAcknowledgement> SubmitAsync(JobSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return await AskAsync(new SubmitJob(spec), cancellationToken).ConfigureAwait(false) switch
        {
            JobAcknowledgement ack => ack,
            var other => throw Unexpected(other),
        };
    }

    /// <summary>
    /// The job's state and counts; once it is completed (and <paramref name="includeResults"/>), every
    /// task's result in index order. Null when no job has this id.
    /// </summary>
    /// <exception cref="TimeoutException">No answer within the ask timeout.</exception>
    public async Task<JobStatus?> GetJobAsync(string jobId, bool includeResults = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return await AskAsync(new GetJob(jobId, includeResults), cancellationToken).ConfigureAwait(false) switch
        {
            JobStatus status => status,
            JobNotFound => null,
            var other => throw Unexpected(other),
        };
    }

    /// <summary>
    /// The members as this client sees them (address, roles, status, reachability), the shards and live
    /// entities of each up worker, and the running jobs with their counts.
    /// </summary>
    /// <exception cref="TimeoutException">A running job did not answer within the ask timeout.</exception>
    public async Task<ClusterStatus> GetClusterStatusAsync(CancellationToken cancellationToken = default)
    {
        var state = Akka.Cluster.Cluster.Get(System).State;
        var members = state.Members.Union(state.Unreachable).OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .Select(m => new ClusterMemberInfo(m.Address.ToString(), m.Roles.Order(StringComparer.Ordinal).ToArray(),
                m.Status.ToString().ToLowerInvariant(), !state.Unreachable.Contains(m)))
            .ToArray();
        var regions = await WorkerRegionsAsync(cancellationToken).ConfigureAwait(false);
        var shards = regions
            .Select(r => new NodeShards(r.Worker.ToString(), r.Jobs.Shards.Count, r.Partitions.Shards.Count,
                r.Jobs.Shards.Sum(s => s.EntityIds.Count), r.Partitions.Shards.Sum(s => s.EntityIds.Count)))
            .ToArray();
        var jobIds = regions.SelectMany(r => r.Jobs.Shards.SelectMany(s => s.EntityIds)).Distinct().Order(StringComparer.Ordinal);
        var jobs = await Task.WhenAll(jobIds.Select(id => GetJobAsync(id, includeResults: false, cancellationToken))).ConfigureAwait(false);
        return new ClusterStatus(members, shards, jobs.Where(j => j is { IsDone: false }).Select(j => j!).ToArray());
    }

    /// <summary>
    /// The job and partition shard regions' state of each up, reachable worker in this client's view, in
    /// the cluster's member order; a worker whose regions do not both answer within the ask timeout is left out.
    /// </summary>
    internal async Task<IReadOnlyList<(Address Worker, CurrentShardRegionState Jobs, CurrentShardRegionState Partitions)>> WorkerRegionsAsync(CancellationToken cancellationToken)
    {
        var state = Akka.Cluster.Cluster.Get(System).State;
        var workers = state.Members.Where(m => m.Status == Akka.Cluster.MemberStatus.Up && m.HasRole(WorkerRole) && !state.Unreachable.Contains(m)).ToArray();
        var regions = await Task.WhenAll(workers.Select(async w =>
        {
            var jobs = RegionStateAsync(w.Address, EntityIds.JobType, cancellationToken);
            var partitions = RegionStateAsync(w.Address, EntityIds.PartitionType, cancellationToken);
            return (Worker: w.Address, Jobs: await jobs.ConfigureAwait(false), Partitions: await partitions.ConfigureAwait(false));
        })).ConfigureAwait(false);
        return regions.Where(r => r.Jobs is not null && r.Partitions is not null)
            .Select(r => (r.Worker, r.Jobs!, r.Partitions!))
            .ToArray();
    }

    /// <summary>
    /// The jobs that live partly on the node at <paramref name="nodeAddress"/> (<c>host:port</c>): whose job
    /// entity or one of whose partitions that node's shard regions report. Empty when it holds none; null
    /// when a region did not answer within the ask timeout. What <c>actorproc chaos</c> asks just before it
    /// faults a node, to know whose progress measures the recovery.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="nodeAddress"/> is not <c>host:port</c>.</exception>
    public async Task<IReadOnlySet<string>?> GetJobsOnNodeAsync(string nodeAddress)
    {
        var address = Endpoints.ToAddress(nodeAddress, System.Name, "node address");
        var jobs = RegionStateAsync(address, EntityIds.JobType);
        var partitions = RegionStateAsync(address, EntityIds.PartitionType);
        if (await jobs.ConfigureAwait(false) is not { } jobState || await partitions.ConfigureAwait(false) is not { } partitionState) return null;
        // A partition entity's id is "{jobId}/{partition}".
        return jobState.Shards.SelectMany(s => s.EntityIds)
            .Concat(partitionState.Shards.SelectMany(s => s.EntityIds).Where(id => id.LastIndexOf('/') > 0).Select(id => id[..id.LastIndexOf('/')]))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Leaves the cluster gracefully and stops the client's actor system (nothing, for a node's own client).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_ownsSystem) return;
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).ConfigureAwait(false);
        await System.WhenTerminated.ConfigureAwait(false);
    }

    private async Task<CurrentShardRegionState?> RegionStateAsync(Address node, string typeName, CancellationToken cancellationToken = default)
    {
        try
        {
            var region = System.ActorSelection(new RootActorPath(node) / "system" / "sharding" / typeName);
            return await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, _askTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null; // a node that does not answer is left out of the shard table, not fatal for a status
        }
    }

    private async Task<object> AskAsync(object message, CancellationToken cancellationToken)
    {
        try
        {
            return await _jobs.Ask<object>(message, _askTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"No answer from the cluster within {_askTimeout.TotalSeconds:0.#} s (is a worker node up?).", e);
        }
    }

    private static InvalidOperationException Unexpected(object reply) => new($"Unexpected reply from the cluster: {reply.GetType().Name}.");
}
