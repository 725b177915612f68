using Akka.Configuration;

namespace ActorProc.Cluster.Hosting;

/// <summary>
/// How a hosted application connects to an ActorProc cluster as a client (see
/// <see cref="ActorProcClusterServiceCollectionExtensions.AddActorProcClusterClient"/>). Read from the
/// configuration section <c>ActorProc:Cluster</c> (<c>ContactPoints</c>, <c>ConnectTimeout</c>), then
/// changed by code.
/// </summary>
public sealed class ClusterClientOptions
{
    /// <summary>Nodes of the cluster as <c>"host:port"</c>; any one that answers is enough. Required.</summary>
    public IList<string> ContactPoints { get; set; } = [];

    /// <summary>How long the host's start waits for the cluster to accept the client, &gt; 0. Default: 15 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Further HOCON for the client's own actor system (e.g. <c>akka.remote.dot-netty.tcp.hostname</c>); null = none.</summary>
    public Config? Config { get; set; }
}
