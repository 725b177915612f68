using System.Collections;

namespace ActorProc.Core.Configuration;

/// <summary>
/// Entry points for the configuration an actor system runs with: the embedded defaults
/// (<see cref="Reference"/>), and <see cref="Load"/>, which layers environment overrides over a user config over them.
/// </summary>
public static class ConfigurationFactory
{
    /// <summary>The logical name under which ActorProc.Core embeds hocon/reference.conf.</summary>
    private const string ReferenceResourceName = "ActorProc.Core.reference.conf";

    private static readonly Lazy<Config> LazyReference = new(LoadReference, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The defaults shipped in ActorProc.Core (its embedded <c>reference.conf</c>), parsed once on first use and cached.
    /// </summary>
    /// <exception cref="ConfigurationException">The embedded file is malformed (a build defect; every access rethrows it).</exception>
    public static Config Reference => LazyReference.Value;

    /// <summary>
    /// Builds the effective configuration: environment overrides, then <paramref name="user"/>, then <see cref="Reference"/>
    /// (earlier wins), resolved together so substitutions see the final values.
    /// </summary>
    /// <param name="user">The user's config (for example from <c>--config</c>), or null for none.</param>
    /// <param name="environment">
    /// The variables to read <c>ACTORPROC__...</c> overrides and <c>${?VAR}</c> fallbacks from; null reads the process environment.
    /// </param>
    /// <returns>The merged, resolved configuration.</returns>
    /// <exception cref="ConfigurationException">The merged configuration cannot be resolved, or reference.conf is malformed.</exception>
    public static Config Load(Config? user = null, IDictionary<string, string?>? environment = null)
    {
        environment ??= ReadProcessEnvironment();
        var overrides = FromEnvironment(environment);
        var variables = environment;
        return Config.Merge([overrides, user ?? Config.Empty, Reference], name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>
    /// Turns <c>ACTORPROC__</c> variables into a config: <c>ACTORPROC__ACTOR__DEFAULT_DISPATCHER__THROUGHPUT=50</c> sets
    /// <c>actorproc.actor.default-dispatcher.throughput = 50</c> ("__" separates keys, "_" becomes "-", names are
    /// lower-cased). Values are parsed as HOCON values (numbers, booleans, durations, quoted strings, lists);
    /// anything that does not parse is taken as a plain string. Other variables are ignored.
    /// </summary>
    /// <param name="environment">Variable names and values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="environment"/> is null.</exception>
    public static Config FromEnvironment(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var tree = EnvironmentOverrides.BuildTree(environment);
        return Config.FromSource(tree, _ => null);
    }

    private static Config LoadReference()
    {
        using var stream = typeof(ConfigurationFactory).Assembly.GetManifestResourceStream(ReferenceResourceName);
        if (stream is null)
        {
            return Config.Empty;
        }

        using var reader = new StreamReader(stream);
        return Config.Parse(reader.ReadToEnd(), "reference.conf");
    }

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        // Windows treats variable names case-insensitively; keep that so ${?Path} finds PATH there as it would natively.
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var result = new Dictionary<string, string?>(comparer);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
