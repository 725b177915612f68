using System.Buffers;

namespace ActorProc.Core.Configuration;

/// <summary>
/// Splits HOCON text into tokens in one forward pass. Comments are dropped here (the newline that ends
/// them is kept, because newlines separate fields); every lexical error is reported with file:line:col.
/// </summary>
internal sealed partial class HoconTokenizer
{
    /// <summary>
    /// Printable ASCII that can continue an unquoted run. Vectorized scanning over it covers nearly every key and
    /// value; anything else ('/', whitespace, non-ASCII) drops to the careful per-character loop.
    /// </summary>
    private static readonly SearchValues<char> PlainUnquoted = SearchValues.Create(
        string.Concat(Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => (char)c).Where(c => c != '/' && !ConfigPath.ForbiddenChars.Contains(c))));

    /// <summary>The characters that end or interrupt a quoted string.</summary>
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\\\n");

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

    /// <summary>Moves over text known to hold no line break, without the per-character line bookkeeping.</summary>
    private void AdvanceOnLine(int count)
    {
        _pos += count;
        _column += count;
    }

    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _pos);
        AdvanceOnLine((end < 0 ? _text.Length : end) - _pos);
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
            var plain = _text.AsSpan(_pos).IndexOfAnyExcept(PlainUnquoted);
            AdvanceOnLine(plain < 0 ? _text.Length - _pos : plain);
            if (_pos >= _text.Length)
            {
                break;
            }

            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || ConfigPath.ForbiddenChars.Contains(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            AdvanceOnLine(1);
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Unquoted, _text[begin.._pos], start));
    }
}
