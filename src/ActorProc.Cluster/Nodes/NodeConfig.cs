using Akka.Configuration;
using ActorProc.Cluster.Configuration;

namespace ActorProc.Cluster.Nodes;

/// <summary>A node's whole configuration: its settings (flags) over the user's config over the defaults.</summary>
internal static class NodeConfig
{
    /// <summary>The journal: <see cref="NodeSettings.Journal"/>, else <c>actorproc.cluster.journal</c>.</summary>
    /// <exception cref="ArgumentException">The journal setting is malformed.</exception>
    public static JournalLocation Journal(NodeSettings settings) =>
        JournalLocation.Parse(settings.Journal ?? ClusterConfig.WithDefaults(settings.Config).GetString("actorproc.cluster.journal"));

    public static Config Build(NodeSettings settings, JournalLocation journal)
    {
        var user = settings.Config is null || settings.Config.IsEmpty ? Config.Empty : settings.Config;
        var systemName = ClusterConfig.WithDefaults(user).GetString("actorproc.cluster.system-name");
        var protocol = ClusterTls.Protocol(ClusterConfig.WithDefaults(user));
        var lines = new List<string>();
        if (settings.Host is not null) lines.Add($"akka.remote.dot-netty.tcp.hostname = {ClusterConfig.Quote(settings.Host)}");
        if (settings.Port is { } port) lines.Add($"akka.remote.dot-netty.tcp.port = {port}");
        if (settings.Seeds is { } seeds)
            lines.Add($"akka.cluster.seed-nodes = [{string.Join(", ", seeds.Select(s => ClusterConfig.Quote(Endpoints.ToAddress(s, systemName, "seed", protocol).ToString())))}]");
        if (settings.Roles is { } roles) lines.Add($"akka.cluster.roles = [{string.Join(", ", roles.Select(ClusterConfig.Quote))}]");
        var store = $$"""
            connection-string = {{ClusterConfig.Quote(journal.ConnectionString)}}
            provider-name = {{ClusterConfig.Quote(journal.ProviderName)}}
            table-mapping = {{journal.TableMapping}}
            """;
        var explicitSettings = ConfigurationFactory.ParseString($$"""
            {{string.Join("\n", lines)}}
            akka.persistence.journal.sql { {{store}} }
            akka.persistence.snapshot-store.sql { {{store}} }
            """);
        return ClusterConfig.WithDefaults(explicitSettings.WithFallback(user));
    }
}
