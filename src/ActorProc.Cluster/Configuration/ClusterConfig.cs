using Akka.Configuration;
using ActorProc.Configuration;

namespace ActorProc.Cluster.Configuration;

/// <summary>
/// The cluster layer's HOCON defaults (<c>hocon/cluster.conf</c>, embedded in this assembly) and how
/// they join a configuration: under the user's config, over <c>actorproc.conf</c>, Akka.Persistence.Sql's
/// reference configuration and Akka's own defaults.
/// </summary>
public static class ClusterConfig
{
    private static readonly Lazy<Config> Embedded = new(LoadEmbedded);

    /// <summary>The cluster defaults: every key of <c>cluster.conf</c> (Akka's cluster, remote, sharding and persistence keys, and <c>actorproc.cluster.*</c>).</summary>
    public static Config Defaults => Embedded.Value;

    /// <summary>
    /// <paramref name="config"/> (may be null) over the cluster defaults, <c>actorproc.conf</c> and
    /// Akka.Persistence.Sql's reference configuration (which Akka does not load by itself).
    /// </summary>
    public static Config WithDefaults(Config? config)
    {
        var defaults = Defaults.WithFallback(ActorProcConfig.Defaults).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        return config is null || config.IsEmpty ? defaults : config.WithFallback(defaults);
    }

    /// <summary>A HOCON string literal of <paramref name="value"/> (quoted, with JSON escapes).</summary>
    internal static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static Config LoadEmbedded()
    {
        using var stream = typeof(ClusterConfig).Assembly.GetManifestResourceStream("ActorProc.Cluster.cluster.conf")
            ?? throw new InvalidOperationException("The embedded cluster.conf is missing from the ActorProc.Cluster assembly (a build error).");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
