using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace ActorProc.Dashboard.Web;

/// <summary>
/// The page's files (wwwroot, embedded in this assembly at build time), read once. Nothing is fetched
/// from elsewhere: the dashboard works on a machine without internet access.
/// Concurrency contract: immutable after construction.
/// </summary>
internal static class EmbeddedAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    /// <summary>Writes the named file (e.g. <c>index.html</c>), or 404.</summary>
    public static IResult Serve(string name) => Files.TryGetValue(name, out var file)
        ? Results.Bytes(file.Content, file.ContentType)
        : Results.NotFound();

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource["wwwroot/".Length..];
            files[name] = (copy.ToArray(), ContentType(name));
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
