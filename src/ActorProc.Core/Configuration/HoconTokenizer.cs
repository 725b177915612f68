using System.Text;

namespace ActorProc.Core.Configuration;

/// <summary>
/// Splits HOCON text into tokens in one forward pass. Comments are dropped here (the newline that ends
/// them is kept, because newlines separate fields); every lexical error is reported with file:line:col.
/// </summary>
internal sealed class HoconTokenizer
{
    private readonly string _text;
    private readonly string _origin;
    private readonly List<HoconToken> _tokens;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string origin)
    {
        _text = text;
        _origin = origin;
        // Roughly one token per 4 characters in typical config files; avoids most list regrowth.
        _tokens = new List<HoconToken>(Math.Max(16, text.Length / 4));
    }

    /// <summary>Tokenizes <paramref name="text"/>; the list always ends with an <see cref="HoconTokenKind.Eof"/> token.</summary>
    /// <exception cref="ConfigurationException">An unterminated string or substitution, an invalid escape or a reserved character.</exception>
    public static List<HoconToken> Tokenize(string text, string origin)
    {
        var tokenizer = new HoconTokenizer(text, origin);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    /// <summary>Maps the one-character JSON escapes; <see langword="null"/> for anything else.</summary>
    public static char? SimpleEscape(char c) => c switch
    {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => null,
    };

    private HoconPosition Here => new(_origin, _line, _column);

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            switch (c)
            {
                case '\n':
                    _tokens.Add(new HoconToken(HoconTokenKind.Newline, "\\n", Here));
                    Advance();
                    break;
                case '{': Punctuation(HoconTokenKind.LeftBrace, "{"); break;
                case '}': Punctuation(HoconTokenKind.RightBrace, "}"); break;
                case '[': Punctuation(HoconTokenKind.LeftBracket, "["); break;
                case ']': Punctuation(HoconTokenKind.RightBracket, "]"); break;
                case ',': Punctuation(HoconTokenKind.Comma, ","); break;
                case '=': Punctuation(HoconTokenKind.Equals, "="); break;
                case ':': Punctuation(HoconTokenKind.Colon, ":"); break;
                case '#': SkipComment(); break;
                case '/' when Peek(1) == '/': SkipComment(); break;
                case '"' when Peek(1) == '"' && Peek(2) == '"': ReadTripleQuoted(); break;
                case '"': ReadQuoted(); break;
                case '$': ReadSubstitution(); break;
                case '+':
                    if (Peek(1) != '=')
                    {
                        throw ConfigErrors.At(Here, $"expected '+=' but found '+' followed by {DescribeChar(1)}");
                    }

                    _tokens.Add(new HoconToken(HoconTokenKind.PlusEquals, "+=", Here));
                    Advance(2);
                    break;
                default:
                    if (IsWhitespace(c))
                    {
                        ReadWhitespace();
                    }
                    else if (ConfigPath.ForbiddenChars.Contains(c))
                    {
                        throw ConfigErrors.At(Here, $"expected a key, a value or punctuation but found reserved character '{c}' (quote text that contains it)");
                    }
                    else
                    {
                        ReadUnquoted();
                    }

                    break;
            }
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Eof, "", Here));
    }

    /// <summary>Any Unicode space except the line break, which is a token of its own; the BOM counts as space.</summary>
    private static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private string DescribeChar(int offset) => _pos + offset >= _text.Length ? "end of file"
        : _text[_pos + offset] == '\n' ? "end of line" : $"'{_text[_pos + offset]}'";

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_pos++] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }
        }
    }

    private void Punctuation(HoconTokenKind kind, string text)
    {
        _tokens.Add(new HoconToken(kind, text, Here));
        Advance();
    }

    private void SkipComment()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            Advance();
        }
    }

    private void ReadWhitespace()
    {
        var start = Here;
        var begin = _pos;
        while (_pos < _text.Length && IsWhitespace(_text[_pos]))
        {
            Advance();
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Whitespace, _text[begin.._pos], start));
    }

    private void ReadUnquoted()
    {
        var start = Here;
        var begin = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || ConfigPath.ForbiddenChars.Contains(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            Advance();
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Unquoted, _text[begin.._pos], start));
    }

    private void ReadQuoted()
    {
        var start = Here;
        var builder = new StringBuilder();
        Advance();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw ConfigErrors.At(start, "unterminated string: expected a closing '\"' but found end of file");
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

            if (c == '\\')
            {
                ReadEscape(builder);
                continue;
            }

            builder.Append(c);
            Advance();
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
