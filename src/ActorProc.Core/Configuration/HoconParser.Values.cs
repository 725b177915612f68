namespace ActorProc.Core.Configuration;

/// <summary>Values: scalars, objects, arrays, substitutions and the concatenations they form on one line.</summary>
internal sealed partial class HoconParser
{
    /// <summary>
    /// Parses one value for an environment override. Returns <see langword="null"/> when the text is not a single
    /// self-contained HOCON value (a syntax error, trailing text, or a substitution), so the caller can take it as a string.
    /// </summary>
    public static HoconValue? TryParseStandaloneValue(string text, string origin)
    {
        try
        {
            var parser = new HoconParser(HoconTokenizer.Tokenize(text, origin), HoconIncludeContext.ForOrigin(null), []);
            parser.SkipWhitespaceAndNewlines();
            if (parser.Peek().Kind == HoconTokenKind.Eof)
            {
                return null;
            }

            var value = parser.ParseValue([], new ValueContext(null, null));
            parser.SkipWhitespaceAndNewlines();
            return parser.Peek().Kind == HoconTokenKind.Eof && !ContainsSubstitution(value) ? value : null;
        }
        catch (ConfigurationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses the value that follows a separator, up to the end of the line, a ',' or a closing bracket.
    /// Several values on one line form a concatenation; without substitutions it is computed right here.
    /// </summary>
    private HoconValue ParseValue(string[] fieldPath, ValueContext context)
    {
        var start = Peek().Position;
        var parts = new List<HoconValue>(1);
        var needsResolution = false;
        while (true)
        {
            var token = Peek();
            HoconValue part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    Next();
                    if (parts.Count == 0)
                    {
                        continue;
                    }

                    part = new HoconScalar(HoconScalarKind.String, token.Text, token.Position, isWhitespace: true);
                    break;
                case HoconTokenKind.Quoted:
                    Next();
                    part = HoconScalar.String(token.Text, token.Position);
                    break;
                case HoconTokenKind.Unquoted:
                    Next();
                    part = Classify(token);
                    break;
                case HoconTokenKind.Substitution:
                    Next();
                    part = MakeSubstitution(token);
                    break;
                case HoconTokenKind.LeftBrace:
                    part = ParseObject(fieldPath);
                    break;
                case HoconTokenKind.LeftBracket:
                    part = ParseArray(fieldPath);
                    break;
                default:
                    return Finish(parts, start, token, context, needsResolution);
            }

            needsResolution |= part.NeedsResolution;
            parts.Add(part);
        }
    }

    private static HoconValue Finish(List<HoconValue> parts, HoconPosition start, HoconToken stop, ValueContext context, bool needsResolution)
    {
        // Whitespace before a comment or the end of the line is not part of the value.
        while (parts.Count > 0 && parts[^1] is HoconScalar { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw ConfigErrors.At(stop.Position, $"expected a value{context} but found {stop.Describe()}");
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        return needsResolution ? new HoconConcatenation(parts, start) : HoconConcatenator.Concatenate(parts, start)!;
    }

    /// <summary>Says where a value was expected; the message is only built when a value is missing.</summary>
    private readonly record struct ValueContext(string? Separator, string? Key)
    {
        public override string ToString() => Separator is null ? "" : $" after '{Separator}' for key '{Key}'";
    }

    private HoconObject ParseObject(string[] fieldPath)
    {
        var open = Next();
        EnterNesting(open);
        var obj = new HoconObject(open.Position);
        ParseObjectBody(obj, fieldPath, braced: true, open.Position);
        Next();
        _depth--;
        return obj;
    }

    private void EnterNesting(HoconToken open)
    {
        if (++_depth > MaxDepth)
        {
            throw ConfigErrors.At(open.Position, $"expected objects and arrays nested at most {MaxDepth} deep but found deeper nesting");
        }
    }

    private HoconArray ParseArray(string[] fieldPath)
    {
        var open = Next();
        EnterNesting(open);
        var items = new List<HoconValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.RightBracket:
                    Next();
                    _depth--;
                    return new HoconArray(items, open.Position);
                case HoconTokenKind.Eof:
                    throw UnclosedArray(open, token);
                case HoconTokenKind.Quoted or HoconTokenKind.Unquoted or HoconTokenKind.Substitution
                    or HoconTokenKind.LeftBrace or HoconTokenKind.LeftBracket:
                    break;
                default:
                    throw ConfigErrors.At(token.Position, $"expected an array element or ']' but found {token.Describe()}");
            }

            items.Add(ParseValue(fieldPath, new ValueContext(null, null)));
            SkipWhitespace();
            var after = Peek();
            switch (after.Kind)
            {
                case HoconTokenKind.Comma:
                    Next();
                    break;
                case HoconTokenKind.Newline or HoconTokenKind.RightBracket:
                    break;
                case HoconTokenKind.Eof:
                    throw UnclosedArray(open, after);
                default:
                    throw ConfigErrors.At(after.Position, $"expected ',', a new line or ']' after an array element but found {after.Describe()}");
            }
        }
    }

    private static ConfigurationException UnclosedArray(HoconToken open, HoconToken found) =>
        ConfigErrors.At(found.Position, $"expected ']' to close the array opened at {open.Position.Line}:{open.Position.Column} but found end of file");

    private HoconSubstitution MakeSubstitution(HoconToken token)
    {
        var written = token.Path!;
        if (_includePrefix.Length == 0)
        {
            return new HoconSubstitution(written, null, token.Optional, token.Position);
        }

        // Inside an included file, ${x} first means "x next to me", then "x at the root" (see HoconSubstitution).
        return new HoconSubstitution([.. _includePrefix, .. written], written, token.Optional, token.Position);
    }

    /// <summary>Unquoted text is a boolean, null or number only when the whole token is exactly that.</summary>
    private static HoconScalar Classify(HoconToken token) => token.Text switch
    {
        "true" or "false" => new HoconScalar(HoconScalarKind.Boolean, token.Text, token.Position),
        "null" => new HoconScalar(HoconScalarKind.Null, token.Text, token.Position),
        _ when IsJsonNumber(token.Text) => new HoconScalar(HoconScalarKind.Number, token.Text, token.Position),
        _ => HoconScalar.String(token.Text, token.Position),
    };

    /// <summary>JSON's number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            SkipDigits(text, ref i);
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }

    private static bool ContainsSubstitution(HoconValue value) => value switch
    {
        HoconObject obj => obj.Fields.Any(f => ContainsSubstitution(f.Value)),
        HoconArray array => array.Items.Any(ContainsSubstitution),
        HoconScalar => false,
        _ => true,
    };
}
