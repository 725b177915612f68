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
        var regions = await client.WorkerRegionsAsync(cancellationToken).ConfigureAwait(false);
        return regions.Select(r => new NodeEntities(r.Worker.ToString(), r.Jobs.Shards.Count, r.Partitions.Shards.Count,
                r.Jobs.Shards.SelectMany(s => s.EntityIds).Order(StringComparer.Ordinal).ToArray(), r.Partitions.Shards.Sum(s => s.EntityIds.Count)))
            .OrderBy(n => n.Address, StringComparer.Ordinal)
            .ToArray();
    }
}
