using System.Text;

namespace ActorProc.Core.Configuration;

/// <summary>
/// Parses and renders path expressions such as <c>actorproc.actor.deployment."/workers".router</c>:
/// dots separate keys, and quoted parts are literal (so a key may contain '.' or '/').
/// </summary>
internal static class ConfigPath
{
    /// <summary>Characters HOCON reserves; an unquoted key or path may not contain them.</summary>
    public const string ForbiddenChars = "$\"{}[]:=,+#`^?!@*&\\";

    /// <summary>Parses a path expression given to a getter.</summary>
    /// <exception cref="ArgumentException">The expression is empty or malformed (for example <c>a..b</c>).</exception>
    public static string[] Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (TryParse(expression, out var segments, out var error))
        {
            return segments;
        }

        throw new ArgumentException($"invalid configuration path '{expression}': {error}", nameof(expression));
    }

    /// <summary>Parses a path expression; on failure <paramref name="error"/> says what was wrong.</summary>
    public static bool TryParse(string expression, out string[] segments, out string error)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var sawQuote = false;
        segments = [];
        error = "";
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '"')
            {
                if (!TryReadQuoted(expression, ref i, current, out error))
                {
                    return false;
                }

                sawQuote = true;
            }
            else if (c == '.')
            {
                if (current.Length == 0 && !sawQuote)
                {
                    error = "empty key between dots (quote keys that contain '.')";
                    return false;
                }

                result.Add(current.ToString());
                current.Clear();
                sawQuote = false;
            }
            else if (ForbiddenChars.Contains(c))
            {
                error = $"'{c}' is not allowed in an unquoted key (quote the key)";
                return false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length == 0 && !sawQuote)
        {
            error = expression.Length == 0 ? "the path is empty" : "the path ends with '.'";
            return false;
        }

        result.Add(current.ToString());
        segments = [.. result];
        return true;
    }

    /// <summary>Renders keys as a path expression, quoting keys that would not read back as one key.</summary>
    public static string Render(IReadOnlyList<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            AppendSegment(builder, segment);
        }

        return builder.ToString();
    }

    /// <summary>Appends one key to an already rendered path ("" is the root).</summary>
    public static string Join(string prefix, string key)
    {
        var builder = new StringBuilder(prefix.Length + key.Length + 3);
        if (prefix.Length > 0)
        {
            builder.Append(prefix).Append('.');
        }

        AppendSegment(builder, key);
        return builder.ToString();
    }

    /// <summary>Appends several keys to an already rendered path.</summary>
    public static string Join(string prefix, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return prefix;
        }

        var relative = Render(keys);
        return prefix.Length == 0 ? relative : prefix + "." + relative;
    }

    private static void AppendSegment(StringBuilder builder, string segment)
    {
        if (NeedsQuotes(segment))
        {
            HoconRenderer.AppendQuoted(builder, segment);
        }
        else
        {
            builder.Append(segment);
        }
    }

    /// <summary>Plain kebab-case keys stay bare so messages read naturally; anything else is quoted to stay unambiguous.</summary>
    private static bool NeedsQuotes(string segment)
    {
        if (segment.Length == 0)
        {
            return true;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadQuoted(string text, ref int i, StringBuilder into, out string error)
    {
        error = "";
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return true;
            }

            if (c != '\\')
            {
                into.Append(c);
                continue;
            }

            if (++i >= text.Length)
            {
                break;
            }

            var escaped = text[i];
            if (escaped == 'u' && i + 4 < text.Length &&
                ushort.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
            {
                into.Append((char)code);
                i += 4;
                continue;
            }

            var simple = HoconTokenizer.SimpleEscape(escaped);
            if (simple is null)
            {
                error = $"invalid escape '\\{escaped}' in quoted key";
                return false;
            }

            into.Append(simple.Value);
        }

        error = "unterminated quoted key";
        return false;
    }
}
