using System.Globalization;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// The text inputs of the built-in tasks when they run on cluster nodes. A durable job carries its
/// inputs as text, so each task's input is one self-contained string a node can run without the
/// submitter's plan: <c>sumsq</c> <c>"from:to"</c>, <c>primes</c> <c>"low:high"</c>, <c>hash</c>
/// <c>"algorithm:path"</c>, <c>ipcount</c>/<c>wordcount</c> <c>"path:offset:length"</c>. Paths are
/// absolute (nodes have their own working directory) and may hold ':' themselves, so the fixed fields
/// are split off the side that cannot hold one.
/// </summary>
internal static class ClusterInputs
{
    public static string Range(long from, long to) => string.Create(CultureInfo.InvariantCulture, $"{from}:{to}");

    /// <exception cref="FormatException">Not two whole numbers separated by ':' with from ≤ to.</exception>
    public static (long From, long To) ParseRange(string text)
    {
        var colon = text.IndexOf(':');
        if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to) && from <= to)
            return (from, to);
        throw new FormatException($"'{text}' is not a range FROM:TO of whole numbers with FROM <= TO.");
    }

    public static string File(string algorithm, string path) => $"{algorithm}:{path}";

    /// <exception cref="FormatException">No ':' after the algorithm, or an empty path.</exception>
    public static (string Algorithm, string Path) ParseFile(string text)
    {
        var colon = text.IndexOf(':');
        if (colon > 0 && colon < text.Length - 1) return (text[..colon], text[(colon + 1)..]);
        throw new FormatException($"'{text}' is not ALGORITHM:PATH.");
    }

    public static string Span(string path, long offset, long length) => string.Create(CultureInfo.InvariantCulture, $"{path}:{offset}:{length}");

    /// <exception cref="FormatException">Not PATH:OFFSET:LENGTH with whole numbers.</exception>
    public static (string Path, long Offset, long Length) ParseSpan(string text)
    {
        var last = text.LastIndexOf(':');
        var middle = last > 0 ? text.LastIndexOf(':', last - 1) : -1;
        if (middle > 0
            && long.TryParse(text.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(text.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            return (text[..middle], offset, length);
        throw new FormatException($"'{text}' is not PATH:OFFSET:LENGTH.");
    }
}
