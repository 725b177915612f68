using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// Reads the <c>--config</c> file with Akka's HOCON parser. Akka's parse errors are plain exceptions
/// (<see cref="FormatException"/>, <see cref="ConfigurationException"/>, even <see cref="Exception"/>)
/// whose messages span several lines and give a position, when they give one, as a character offset
/// ("Unknown token at position 57"); this turns them into one line, <c>FILE:LINE:COLUMN: message</c>,
/// so the user can jump to the spot.
/// </summary>
internal static partial class ConfigFile
{
    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">The file is missing, unreadable or malformed; the message names it.</exception>
    public static Config Load(string path)
    {
        if (Directory.Exists(path)) throw new UsageException($"--config {path}: is a directory, not a HOCON file.");
        if (!File.Exists(path)) throw new UsageException($"--config {path}: no such file.");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config {path}: {e.Message}");
        }
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Akka's parser throws bare Exception at an early end of file, so nothing narrower catches every parse error.
            throw new UsageException(Describe(path, text, e.Message));
        }
    }

    /// <summary>The one-line error: file, line and column when the parser gave a position (or ran out of text), and its first line.</summary>
    internal static string Describe(string path, string text, string message)
    {
        var first = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "malformed HOCON";
        int? offset = null;
        if (PositionPattern().Match(message) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            offset = Math.Clamp(at, 0, text.Length);
            first = PositionPattern().Replace(first, "").TrimEnd(' ', ':');
        }
        else if (message.Contains("End of file", StringComparison.OrdinalIgnoreCase))
        {
            offset = text.Length; // the parser reached the end of the file still expecting a value or a '}'
        }
        if (offset is not { } o) return $"--config {path}: {first.TrimEnd('.')}.";
        var (line, column) = LineAndColumn(text, o);
        return $"{path}:{line}:{column}: {first.TrimEnd('.')} (--config).";
    }

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return (line, offset - lineStart + 1);
    }

    [GeneratedRegex(@"\s*at position (\d+)")]
    private static partial Regex PositionPattern();
}
