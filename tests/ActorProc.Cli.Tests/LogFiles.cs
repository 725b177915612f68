using System.Text;

namespace ActorProc.Cli.Tests;

/// <summary>
/// Generates text files with everything a real log throws at a reader, and computes what ipcount and
/// wordcount must report with plain LINQ over the same bytes (independently of the CLI's streaming
/// reader): split on '\n'; a line is blank when it holds nothing but '\r'; bytes decode as UTF-8 with
/// U+FFFD for invalid sequences.
/// </summary>
public static class LogFiles
{
    private static readonly byte[] Whitespace = " \t\r\v\f"u8.ToArray();

    /// <summary>Access-log lines from a few addresses plus blank, whitespace-only, CRLF, garbage and non-UTF-8 lines.</summary>
    public static byte[] AccessLog(int seed, int lines, string? longLineAddress = null)
    {
        var random = new Random(seed);
        var addresses = Enumerable.Range(0, 40).Select(i => $"10.{i % 3}.{i % 7}.{i}").Append("2001:db8::7").ToArray();
        var output = new MemoryStream();
        for (var i = 0; i < lines; i++)
        {
            var kind = random.Next(100);
            var text = kind switch
            {
                0 => "",
                1 => "   \t ",
                2 => "\r",
                3 => $"{addresses[random.Next(addresses.Length)]} - - [01/Jun/2024:00:00:{i % 60:D2} +0000] \"GET / HTTP/1.1\" 200 12\r", // CRLF
                4 => "\u0001\u0002garbage\u007f bytes",
                _ => $"{addresses[(int)(Math.Pow(random.NextDouble(), 2) * addresses.Length)]} - - [01/Jun/2024:00:00:{i % 60:D2} +0000] \"GET /page/{random.Next(50)} HTTP/1.1\" 200 {random.Next(100, 9000)} \"-\" \"curl/8.5.0\"",
            };
            if (kind == 6) output.Write([0x31, 0xFF, 0x2E, 0x32, 0x20, 0x78]); // invalid UTF-8 inside the first field
            else output.Write(Encoding.UTF8.GetBytes(text));
            if (kind == 5) output.Write([0xFF, 0xFE, 0x20, 0xC3]); // invalid UTF-8 after the first field
            output.WriteByte((byte)'\n');
        }
        if (longLineAddress is not null)
        {
            // A 10 MB line without a newline at the end of the file.
            output.Write(Encoding.UTF8.GetBytes(longLineAddress + " "));
            output.Write(Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024)));
        }
        return output.ToArray();
    }

    /// <summary>Words in several scripts, digits, punctuation, emoji, invalid bytes, blank lines, and a 10 MB line.</summary>
    public static byte[] Text(int seed, int lines)
    {
        var random = new Random(seed);
        string[] words = ["The", "actor", "ACTORS", "model", "Éléphant", "straße", "ΑΘΗΝΑ", "Ωmega", "naïve", "42", "٣٤", "x1y2", "don't", "e-mail", "ok"];
        string[] separators = [" ", ", ", ". ", "! ", " — ", "\t", " 😀 ", "(", ")"];
        var output = new MemoryStream();
        for (var i = 0; i < lines; i++)
        {
            var kind = random.Next(40);
            if (kind == 0) { output.WriteByte((byte)'\n'); continue; }
            if (kind == 1) { output.Write("  ...  !!\n"u8); continue; } // no word: skipped
            var count = random.Next(1, 12);
            for (var w = 0; w < count; w++)
            {
                output.Write(Encoding.UTF8.GetBytes(words[random.Next(words.Length)]));
                if (kind == 2 && w == 0) output.Write([0xFF, 0x61, 0x62]); // invalid byte splits a word
                output.Write(Encoding.UTF8.GetBytes(separators[random.Next(separators.Length)]));
            }
            output.Write(kind == 3 ? "\r\n"u8 : "\n"u8);
        }
        output.Write(Encoding.UTF8.GetBytes("Long wörd "));
        output.Write(Encoding.ASCII.GetBytes(new string('z', 10 * 1024 * 1024))); // a 10 MB word
        output.Write(" tail\n"u8);
        return output.ToArray();
    }

    /// <summary>The non-blank lines of a file (as bytes).</summary>
    public static IEnumerable<byte[]> NonBlankLines(byte[] file)
    {
        var start = 0;
        for (var i = 0; i <= file.Length; i++)
        {
            if (i < file.Length && file[i] != (byte)'\n') continue;
            var line = file[start..i];
            start = i + 1;
            if (line.Any(b => b != (byte)'\r')) yield return line;
        }
    }

    /// <summary>The first whitespace-separated field of a line, decoded, or null when the line has none.</summary>
    public static string? FirstField(byte[] line)
    {
        var field = line.SkipWhile(b => Whitespace.Contains(b)).TakeWhile(b => !Whitespace.Contains(b)).ToArray();
        return field.Length == 0 ? null : Encoding.UTF8.GetString(field);
    }

    /// <summary>The words of a line: runs of letters and digits, lower-cased.</summary>
    public static IEnumerable<string> Words(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line);
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>Key counts sorted as the CLI sorts them: count descending, then key (ordinal) ascending.</summary>
    public static List<(string Key, long Count)> Ranked(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count()))
            .OrderByDescending(p => p.Item2)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
}
