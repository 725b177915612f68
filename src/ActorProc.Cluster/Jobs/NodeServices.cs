using ActorProc.Cluster.Configuration;

namespace ActorProc.Cluster.Jobs;

/// <summary>What a node's job and partition entities share: the tasks they can run, the pool they run them on, the settings, the node's address (for messages). Immutable.</summary>
internal sealed record NodeServices(TaskRegistry Tasks, WorkerPool Pool, ClusterJobSettings Settings, string NodeAddress);
