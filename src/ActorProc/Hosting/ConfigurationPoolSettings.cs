using System.Globalization;
using System.Text;
using System.Text.Json;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorProc.Hosting;

/// <summary>
/// Worker pool settings from an <see cref="IConfiguration"/> (appsettings.json, environment variables):
/// <c>ActorProc:Pool</c> for every pool and <c>ActorProc:Pools:&lt;name&gt;</c> for one, with the
/// <see cref="WorkerPoolOptions"/> property names as keys (<c>MaxRetries</c>, <c>TaskTimeout</c>,
/// <c>RetryBackoff:Min</c>; the HOCON spelling <c>max-retries</c> works too). They are turned into the
/// HOCON blocks <c>actorproc.pool</c> and <c>actorproc.pools.&lt;name&gt;</c> laid over the actor
/// system's configuration, so the values are parsed and checked by the same reader as HOCON's, and an
/// error names the IConfiguration key it came from.
/// <para>
/// Precedence, strongest first: the pool's IConfiguration section, its HOCON block, the
/// <c>ActorProc:Pool</c> section, the <c>actorproc.pool</c> block, the defaults of actorproc.conf.
/// (Code passed to <see cref="WorkerPoolRegistrations.Add"/> is applied over all of them.)
/// </para>
/// </summary>
internal static class ConfigurationPoolSettings
{
    /// <summary>The section every ActorProc setting of an IConfiguration lives under.</summary>
    public const string Section = "ActorProc";

    /// <summary>The HOCON keys of a pool block (relative, e.g. <c>retry-backoff.min</c>), as the reader reads them.</summary>
    private static readonly Lazy<HashSet<string>> KnownKeys = new(() =>
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        PoolSettingsReader.Read(Config.Empty, null, keys);
        return keys;
    });

    /// <summary>The pools an IConfiguration declares (the children of <c>ActorProc:Pools</c>).</summary>
    public static IEnumerable<string> DeclaredPools(IConfiguration? configuration) =>
        configuration?.GetSection($"{Section}:Pools").GetChildren().Select(c => c.Key) ?? [];

    /// <summary>
    /// The options of the pool <paramref name="name"/>: <paramref name="configuration"/>'s sections over
    /// <paramref name="hocon"/> (the actor system's configuration).
    /// </summary>
    /// <exception cref="ConfigurationException">A key is not a pool setting or a value is invalid; the message names the key.</exception>
    public static WorkerPoolOptions Read(Config hocon, IConfiguration? configuration, string name)
    {
        if (configuration is null) return WorkerPoolOptions.FromConfig(hocon, name);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        // The general section first: a key the pool's own section sets wins in sourceOf below.
        AddSection(configuration.GetSection($"{Section}:Pool"), "actorproc.pool", text, sources, onlyIfAbsent: true, hocon, $"actorproc.pools.{name}");
        AddSection(configuration.GetSection($"{Section}:Pools:{name}"), $"actorproc.pools.{Quote(name)}", text, sources, onlyIfAbsent: false, hocon, null);
        if (text.Length == 0) return WorkerPoolOptions.FromConfig(hocon, name);
        var overlay = ConfigurationFactory.ParseString(text.ToString());
        return PoolSettingsReader.Read(overlay.WithFallback(hocon), name, keysRead: null, key => sources.GetValueOrDefault(key));
    }

    /// <summary>
    /// Adds the section's settings as HOCON lines under <paramref name="block"/> and records which
    /// IConfiguration key each came from. A setting of the general section is not the source of a key
    /// the pool's HOCON block (<paramref name="shadowingBlock"/>) sets: that block wins over it.
    /// </summary>
    private static void AddSection(IConfigurationSection section, string block, StringBuilder text, Dictionary<string, string> sources,
        bool onlyIfAbsent, Config hocon, string? shadowingBlock)
    {
        foreach (var (relative, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null) continue; // an inner section, not a setting
            var key = HoconKey(relative);
            if (!KnownKeys.Value.Contains(key))
                throw new ConfigurationException($"{section.Path}:{relative} is not a worker pool setting; the settings are: {string.Join(", ", KnownKeys.Value.Select(PropertyPath))}.");
            text.Append(block).Append('.').Append(key).Append(" = ").AppendLine(Quote(value));
            if (onlyIfAbsent && shadowingBlock is not null && hocon.HasPath($"{shadowingBlock}.{key}")) continue;
            sources[key] = $"{section.Path}:{relative}";
        }
    }

    /// <summary><c>RetryBackoff:Min</c> → <c>retry-backoff.min</c>; kebab-case keys stay as they are.</summary>
    private static string HoconKey(string relative) =>
        string.Join('.', relative.Split(':').Select(Kebab));

    private static string Kebab(string segment)
    {
        var text = new StringBuilder(segment.Length + 4);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(segment[i - 1]) || char.IsDigit(segment[i - 1]))) text.Append('-');
            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary><c>retry-backoff.min</c> → <c>RetryBackoff:Min</c>, for listing the settings.</summary>
    private static string PropertyPath(string hoconKey) =>
        string.Join(':', hoconKey.Split('.').Select(segment => string.Concat(segment.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))));

    /// <summary>A HOCON string literal (JSON quoting): values and names are taken as text, never parsed as HOCON.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
