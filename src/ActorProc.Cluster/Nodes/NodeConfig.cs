using Akka.Configuration;
using ActorProc.Cluster.Configuration;

namespace ActorProc.Cluster.Nodes;

/// <summary>A node's whole configuration: its settings (flags) over the user's config over the defaults.</summary>
internal static class NodeConfig
{
    public static Config Build(NodeSettings settings, JournalLocation journal)
    {
        var user = settings.Config is null || settings.Config.IsEmpty ? Config.Empty : settings.Config;
        var systemName = ClusterConfig.WithDefaults(user).GetString("actorproc.cluster.system-name");
        var seeds = settings.Seeds.Select(s => ClusterConfig.Quote(Endpoints.ToAddress(s, systemName, "seed").ToString()));
        var store = $$"""
            connection-string = {{ClusterConfig.Quote(journal.ConnectionString)}}
            provider-name = {{ClusterConfig.Quote(journal.ProviderName)}}
            table-mapping = {{journal.TableMapping}}
            """;
        var explicitSettings = ConfigurationFactory.ParseString($$"""
            akka.remote.dot-netty.tcp.hostname = {{ClusterConfig.Quote(settings.Host)}}
            akka.remote.dot-netty.tcp.port = {{settings.Port}}
            akka.cluster.seed-nodes = [{{string.Join(", ", seeds)}}]
            akka.cluster.roles = [{{string.Join(", ", settings.Roles.Select(ClusterConfig.Quote))}}]
            akka.persistence.journal.sql { {{store}} }
            akka.persistence.snapshot-store.sql { {{store}} }
            """);
        return ClusterConfig.WithDefaults(explicitSettings.WithFallback(user));
    }
}
