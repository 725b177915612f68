namespace ActorProc.Core.Configuration;

/// <summary>
/// What the parser needs to follow <c>include</c> statements: the directory relative names start from and
/// the chain of files being included right now, which is how include cycles are caught.
/// </summary>
internal sealed class HoconIncludeContext
{
    /// <summary>File systems on Windows and macOS usually ignore case, so "A.conf" and "a.conf" are one file there.</summary>
    private static readonly StringComparer PathComparer =
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private readonly string[] _chain;

    private HoconIncludeContext(string baseDirectory, string[] chain)
    {
        BaseDirectory = baseDirectory;
        _chain = chain;
    }

    /// <summary>The directory that relative include names are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Context for a document whose origin is <paramref name="origin"/> (a file name) or text with no file (null).</summary>
    public static HoconIncludeContext ForOrigin(string? origin)
    {
        if (origin is null)
        {
            return new HoconIncludeContext(Directory.GetCurrentDirectory(), []);
        }

        var full = System.IO.Path.GetFullPath(origin);
        return new HoconIncludeContext(System.IO.Path.GetDirectoryName(full) ?? Directory.GetCurrentDirectory(), [full]);
    }

    /// <summary>Turns an include name into the absolute path of the file it names.</summary>
    public string Resolve(string name) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(name) ? name : System.IO.Path.Combine(BaseDirectory, name));

    /// <summary>Returns the cycle as "a.conf -> b.conf -> a.conf" if <paramref name="fullPath"/> is already being included, else null.</summary>
    public string? FindCycle(string fullPath)
    {
        var index = Array.FindIndex(_chain, p => PathComparer.Equals(p, fullPath));
        return index < 0 ? null : string.Join(" -> ", _chain[index..].Append(fullPath));
    }

    /// <summary>The context for parsing the included file <paramref name="fullPath"/>.</summary>
    public HoconIncludeContext Enter(string fullPath) =>
        new(System.IO.Path.GetDirectoryName(fullPath) ?? BaseDirectory, [.. _chain, fullPath]);
}
