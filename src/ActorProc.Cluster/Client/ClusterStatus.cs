namespace ActorProc.Cluster.Client;

/// <summary>What <c>actorproc status</c> shows: the members, the shards each worker holds, the running jobs.</summary>
/// <param name="Members">Every member known to the asking member's view, ordered by address.</param>
/// <param name="Shards">Shards and live entities per worker node (a node that did not answer in time is left out).</param>
/// <param name="RunningJobs">Jobs that are accepted or running, with counts (no per-task results).</param>
public sealed record ClusterStatus(IReadOnlyList<ClusterMemberInfo> Members, IReadOnlyList<NodeShards> Shards, IReadOnlyList<JobStatus> RunningJobs);
