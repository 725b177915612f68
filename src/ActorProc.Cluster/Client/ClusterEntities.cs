using Akka.Cluster.Sharding;
using ActorProc.Cluster.Configuration;

namespace ActorProc.Cluster.Client;

/// <summary>
/// Which job and partition entities live on each worker, read from the shard regions alone: unlike
/// <see cref="ClusterJobClient.GetClusterStatusAsync"/>, it sends nothing to the jobs themselves, so
/// polling it (a dashboard does, every second) does not keep finished jobs from passivating. Ask a job
/// for its state with <see cref="ClusterJobClient.GetJobAsync"/> when its id is new to you.
/// </summary>
public static class ClusterEntities
{
    /// <summary>
    /// The live entities of each up, reachable worker in the asking member's view. A worker whose regions
    /// do not answer within the ask timeout is left out. A finished job stays live for
    /// <c>actorproc.cluster.job.idle-after-done</c> after its last message, so finished jobs show here for a while.
    /// </summary>
    /// <param name="client">The client (a node's own or a client member's).</param>
    /// <param name="cancellationToken">Cancels the wait (the asks still time out on their own).</param>
    public static async Task<IReadOnlyList<NodeEntities>> GetLiveEntitiesAsync(this ClusterJobClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var system = client.System;
        var askTimeout = ClusterJobSettings.FromConfig(system.Settings.Config).AskTimeout;
        var state = Akka.Cluster.Cluster.Get(system).State;
        var workers = state.Members.Where(m => m.Status == Akka.Cluster.MemberStatus.Up && m.HasRole("worker") && !state.Unreachable.Contains(m)).ToArray();
        var nodes = await Task.WhenAll(workers.Select(async w =>
        {
            var jobs = RegionStateAsync(system, w.Address, EntityIds.JobType, askTimeout, cancellationToken);
            var partitions = RegionStateAsync(system, w.Address, EntityIds.PartitionType, askTimeout, cancellationToken);
            var (j, p) = (await jobs.ConfigureAwait(false), await partitions.ConfigureAwait(false));
            return j is null || p is null ? null : new NodeEntities(w.Address.ToString(), j.Shards.Count, p.Shards.Count,
                j.Shards.SelectMany(s => s.EntityIds).Order(StringComparer.Ordinal).ToArray(), p.Shards.Sum(s => s.EntityIds.Count));
        })).ConfigureAwait(false);
        return nodes.OfType<NodeEntities>().OrderBy(n => n.Address, StringComparer.Ordinal).ToArray();
    }

    private static async Task<CurrentShardRegionState?> RegionStateAsync(ActorSystem system, Address node, string typeName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var region = system.ActorSelection(new RootActorPath(node) / "system" / "sharding" / typeName);
            return await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
