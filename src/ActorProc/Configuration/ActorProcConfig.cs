using System.Reflection;
using Akka.Configuration;

namespace ActorProc.Configuration;

/// <summary>
/// ActorProc's HOCON defaults (<c>hocon/actorproc.conf</c>, embedded in this assembly) and how they join
/// a system's configuration: under the user's config and over Akka's defaults.
/// </summary>
public static class ActorProcConfig
{
    private static readonly Lazy<Config> Embedded = new(LoadEmbedded);

    /// <summary>
    /// Logging of actor systems ActorProc creates itself (standalone pools, the <c>actorproc</c>
    /// command): Akka's log events go to standard error at WARNING and above, so that a program's
    /// standard output carries only what the program prints. A system you create yourself keeps the
    /// logging you configure.
    /// </summary>
    internal const string OwnedSystemLogging = """
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          loggers = ["ActorProc.Logging.StandardErrorLogger, ActorProc"]
          stdout-logger-class = "ActorProc.Logging.StandardErrorMinimalLogger, ActorProc"
          log-dead-letters-during-shutdown = off
        }
        """;

    /// <summary>ActorProc's defaults: every <c>actorproc.*</c> key with its default value.</summary>
    public static Config Defaults => Embedded.Value;

    /// <summary>
    /// <paramref name="config"/> (may be null) over ActorProc's defaults. Akka's own defaults still sit
    /// under both when the result is given to <c>ActorSystem.Create</c>.
    /// </summary>
    public static Config WithDefaults(Config? config) =>
        config is null || config.IsEmpty || ReferenceEquals(config, Defaults) ? Defaults : config.WithFallback(Defaults);

    /// <summary>
    /// Makes ActorProc's defaults (its dispatchers and pool settings) visible in a system created
    /// without them, under everything the system was configured with. Safe to call more than once.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static void EnsureDefaults(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!system.Settings.Config.HasPath("actorproc.pool.workers")) system.Settings.InjectTopLevelFallback(Defaults);
    }

    /// <summary>
    /// Creates an actor system for ActorProc's own use (standalone pools, the command line): the given
    /// configuration over ActorProc's defaults, with its log going to standard error at WARNING unless the
    /// configuration says otherwise.
    /// </summary>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    public static ActorSystem CreateSystem(string name, Config? config = null) =>
        ActorSystem.Create(name, WithDefaults(config).WithFallback(ConfigurationFactory.ParseString(OwnedSystemLogging)));

    private static Config LoadEmbedded()
    {
        using var stream = typeof(ActorProcConfig).Assembly.GetManifestResourceStream("ActorProc.actorproc.conf")
            ?? throw new InvalidOperationException("The embedded actorproc.conf is missing from the ActorProc assembly (a build error).");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
