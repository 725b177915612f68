namespace ActorProc.Core.Configuration;

/// <summary>
/// Maps environment variables such as <c>ACTORPROC__ACTOR__DEFAULT_DISPATCHER__THROUGHPUT=50</c> onto config keys
/// (<c>actorproc.actor.default-dispatcher.throughput = 50</c>), the override style containers expect.
/// </summary>
internal static class EnvironmentOverrides
{
    /// <summary>Variables start with this; it maps to the <c>actorproc</c> root key.</summary>
    public const string Prefix = "ACTORPROC__";

    /// <summary>Builds the override tree; variables whose names do not map to a key are ignored.</summary>
    public static HoconObject BuildTree(IDictionary<string, string?> environment)
    {
        var root = new HoconObject(new HoconPosition("environment", 0, 0));
        // Sorted so that the result never depends on the dictionary's enumeration order.
        foreach (var (name, text) in environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (text is null || !TryMapName(name, out var path))
            {
                continue;
            }

            var origin = $"environment variable {name}";
            // A value that is not a single plain HOCON value (e.g. "a=b" or "${x}") is meant literally.
            var value = HoconParser.TryParseStandaloneValue(text, origin)
                ?? HoconScalar.String(text, new HoconPosition(origin, 0, 0));
            HoconMerger.SetPath(root, path, value);
        }

        return root;
    }

    /// <summary>
    /// <c>ACTORPROC__A__B_C</c> becomes <c>actorproc.a.b-c</c>: "__" separates keys, "_" becomes "-", all lower-cased.
    /// Returns false for other names and for names with an empty key (<c>ACTORPROC__A____B</c>).
    /// </summary>
    public static bool TryMapName(string name, out string[] path)
    {
        path = [];
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == Prefix.Length)
        {
            return false;
        }

        var parts = name[Prefix.Length..].Split("__");
        var result = new string[parts.Length + 1];
        result[0] = "actorproc";
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                return false;
            }

            result[i + 1] = parts[i].ToLowerInvariant().Replace('_', '-');
        }

        path = result;
        return true;
    }
}
