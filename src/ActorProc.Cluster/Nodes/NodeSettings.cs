using Akka.Configuration;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// How to start a cluster node (<see cref="ClusterNode.StartAsync"/>): where it listens, whom it joins,
/// its roles, its journal and any further HOCON. A value that is set (the <c>actorproc node</c> flags map
/// one to one) sits over <see cref="Config"/>, which sits over <c>cluster.conf</c> and <c>actorproc.conf</c>;
/// a value left null comes from the configuration.
/// </summary>
public sealed record NodeSettings
{
    /// <summary>Host name or IP address to bind to and to be reached at (<c>--host</c>); null = <c>akka.remote.dot-netty.tcp.hostname</c> (default <c>127.0.0.1</c>).</summary>
    public string? Host { get; init; }

    /// <summary>TCP port (<c>--port</c>); 0 picks a free port (see <see cref="ClusterNode.Address"/>); null = <c>akka.remote.dot-netty.tcp.port</c> (default 0).</summary>
    public int? Port { get; init; }

    /// <summary>
    /// Seed nodes as <c>"host:port"</c> (<c>--seed</c>, repeatable). A node that lists itself first
    /// forms the cluster; no seeds at all makes the node a cluster of its own (it joins itself).
    /// Null = <c>akka.cluster.seed-nodes</c> (default none).
    /// </summary>
    public IReadOnlyList<string>? Seeds { get; init; }

    /// <summary>Cluster roles (<c>--roles</c>); null = <c>akka.cluster.roles</c> (default <c>["worker"]</c>: only workers host jobs and partitions and vote in the split-brain resolver).</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>
    /// The journal (<c>--journal</c>): <c>"sqlite:PATH"</c> (one file; node processes on one machine
    /// may share it) or <c>"postgres:CONNECTION-STRING"</c> (nodes on several machines). Null =
    /// <c>actorproc.cluster.journal</c> (default <c>sqlite:actorproc-journal.db</c> in the working directory).
    /// </summary>
    public string? Journal { get; init; }

    /// <summary>Further HOCON (e.g. a <c>--config</c> file), under the values above and over ActorProc's defaults; null = none.</summary>
    public Config? Config { get; init; }

    /// <summary>Checks every value; the message names the offending one.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    internal void Validate()
    {
        if (Host is not null && string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("NodeSettings.Host must not be blank.", nameof(Host));
        if (Port is < 0 or > 65535) throw new ArgumentException($"NodeSettings.Port = {Port}: must be 0 (any free port) to 65535.", nameof(Port));
        foreach (var seed in Seeds ?? []) Endpoints.Parse(seed, "seed");
        if (Roles is not null && (Roles.Count == 0 || Roles.Any(string.IsNullOrWhiteSpace)))
            throw new ArgumentException($"NodeSettings.Roles = [{string.Join(", ", Roles)}]: give at least one role, none blank.", nameof(Roles));
        if (Journal is not null) JournalLocation.Parse(Journal);
    }
}
