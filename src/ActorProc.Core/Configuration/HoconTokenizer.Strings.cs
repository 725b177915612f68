using System.Text;

namespace ActorProc.Core.Configuration;

/// <summary>Quoted strings, their escapes, triple-quoted strings and substitutions.</summary>
internal sealed partial class HoconTokenizer
{
    private void ReadQuoted()
    {
        var start = Here;
        Advance();
        var simple = _text.AsSpan(_pos).IndexOfAny(QuotedStops);
        if (simple >= 0 && _text[_pos + simple] == '"')
        {
            // The common case, no escapes: one substring and no builder.
            _tokens.Add(new HoconToken(HoconTokenKind.Quoted, _text.Substring(_pos, simple), start));
            AdvanceOnLine(simple + 1);
            return;
        }

        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw ConfigErrors.At(start, "unterminated string: expected a closing '\"' but found end of file");
            }

            var run = _text.AsSpan(_pos).IndexOfAny(QuotedStops);
            if (run != 0)
            {
                var length = run < 0 ? _text.Length - _pos : run;
                builder.Append(_text, _pos, length);
                AdvanceOnLine(length);
                continue;
            }

            var c = _text[_pos];
            if (c == '"')
            {
                Advance();
                break;
            }

            if (c == '\n')
            {
                throw ConfigErrors.At(start, "unterminated string: expected a closing '\"' but found end of line (use \"\"\" for multi-line strings)");
            }

            ReadEscape(builder);
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, builder.ToString(), start));
    }

    private void ReadEscape(StringBuilder builder)
    {
        var at = Here;
        var escaped = Peek(1);
        if (escaped == 'u')
        {
            var hex = _pos + 6 <= _text.Length ? _text.AsSpan(_pos + 2, 4) : ReadOnlySpan<char>.Empty;
            if (!ushort.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
            {
                throw ConfigErrors.At(at, $"invalid escape: expected four hex digits after '\\u' but found '{_text.AsSpan(_pos, Math.Min(6, _text.Length - _pos))}'");
            }

            builder.Append((char)code);
            Advance(6);
            return;
        }

        var simple = SimpleEscape(escaped);
        if (simple is null)
        {
            throw ConfigErrors.At(at, $"invalid escape: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX but found '\\{(escaped == '\0' ? "" : escaped)}'");
        }

        builder.Append(simple.Value);
        Advance(2);
    }

    private void ReadTripleQuoted()
    {
        var start = Here;
        var contentStart = _pos + 3;
        var close = _text.IndexOf("\"\"\"", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw ConfigErrors.At(start, "unterminated triple-quoted string: expected a closing '\"\"\"' but found end of file");
        }

        // Quotes just before the final three belong to the content: """say "hi"""" is 'say "hi"'.
        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        var content = _text[contentStart..close];
        Advance(close + 3 - _pos);
        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, content, start));
    }

    private void ReadSubstitution()
    {
        var start = Here;
        var begin = _pos;
        if (Peek(1) != '{')
        {
            throw ConfigErrors.At(start, $"expected '{{' after '$' (substitutions are written ${{path}}) but found {DescribeChar(1)}");
        }

        var optional = Peek(2) == '?';
        var bodyStart = _pos + (optional ? 3 : 2);
        var end = bodyStart;
        var inQuotes = false;
        while (end < _text.Length && _text[end] != '\n' && (inQuotes || _text[end] != '}'))
        {
            if (_text[end] == '\\' && inQuotes)
            {
                end++;
            }
            else if (_text[end] == '"')
            {
                inQuotes = !inQuotes;
            }

            end++;
        }

        if (end >= _text.Length || _text[end] != '}')
        {
            var found = end >= _text.Length ? "end of file" : "end of line";
            throw ConfigErrors.At(start, $"unterminated substitution: expected '}}' to close '${{' but found {found}");
        }

        var body = _text[bodyStart..end].Trim();
        if (!ConfigPath.TryParse(body, out var path, out var error))
        {
            throw ConfigErrors.At(start, $"invalid substitution '${{{(optional ? "?" : "")}{body}}}': {error}");
        }

        Advance(end + 1 - _pos);
        _tokens.Add(new HoconToken(HoconTokenKind.Substitution, _text[begin..(end + 1)], start, path, optional));
    }
}
