using System.Collections;
using System.Text;
using System.Text.Json;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// Environment variables as configuration, the override style containers expect:
/// <c>ACTORPROC__POOL__TASK_TIMEOUT=30s</c> sets <c>actorproc.pool.task-timeout = "30s"</c> ("__"
/// separates keys, "_" becomes "-", names are lower-cased). Akka's HOCON parser does not read the
/// environment itself (no <c>${?VAR}</c>), so the CLI keeps this small mapping from its previous kernel.
/// Values are taken as strings, which Akka converts when a key is read (numbers, durations, on/off).
/// </summary>
internal static class EnvironmentOverrides
{
    /// <summary>Variables start with this; it maps to the <c>actorproc</c> root key.</summary>
    public const string Prefix = "ACTORPROC__";

    /// <summary>The overrides found in <paramref name="environment"/> (null: the process's), or an empty config.</summary>
    public static Config Read(IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var hocon = new StringBuilder();
        // Sorted so that the result never depends on the dictionary's enumeration order.
        foreach (var name in environment.Keys.OfType<string>().Order(StringComparer.Ordinal))
        {
            if (environment[name] is not string value || !TryMapName(name, out var path)) continue;
            // Every part quoted: a key may not otherwise hold characters HOCON treats specially.
            hocon.Append(string.Join('.', path.Select(p => JsonSerializer.Serialize(p))))
                .Append(" = ").Append(JsonSerializer.Serialize(value)).Append('\n');
        }
        return hocon.Length == 0 ? Config.Empty : ConfigurationFactory.ParseString(hocon.ToString());
    }

    /// <summary>
    /// <c>ACTORPROC__A__B_C</c> becomes <c>actorproc.a.b-c</c>. False for other names and for names
    /// with an empty key (<c>ACTORPROC__A____B</c>).
    /// </summary>
    public static bool TryMapName(string name, out string[] path)
    {
        path = [];
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == Prefix.Length) return false;
        var parts = name[Prefix.Length..].Split("__");
        if (parts.Any(static p => p.Length == 0)) return false;
        path = ["actorproc", .. parts.Select(static p => p.ToLowerInvariant().Replace('_', '-'))];
        return true;
    }
}
