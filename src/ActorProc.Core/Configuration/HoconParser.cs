namespace ActorProc.Core.Configuration;

/// <summary>
/// Builds an unresolved HOCON tree from tokens: objects (root braces optional), fields with <c>=</c>, <c>:</c>,
/// <c>+=</c> or no separator before <c>{</c>, dotted and quoted keys, comma- or newline-separated fields, and includes.
/// </summary>
/// <remarks>
/// Split by concern: this file handles documents, objects and keys; <c>HoconParser.Values.cs</c> values, arrays and
/// concatenations; <c>HoconParser.Includes.cs</c> the include statement. Every error names file:line:col, what was
/// expected and what was found, because a config error is usually met by an operator, not the author of the code.
/// </remarks>
internal sealed partial class HoconParser
{
    /// <summary>Far deeper than any hand-written config, far shallower than the stack allows.</summary>
    private const int MaxDepth = 200;

    private readonly List<HoconToken> _tokens;
    private readonly HoconIncludeContext _includes;

    /// <summary>Where the document is included (empty for a top-level document); prefixes its substitutions.</summary>
    private readonly string[] _includePrefix;

    private int _index;

    /// <summary>Current nesting of objects and arrays; bounded so hostile input cannot overflow the stack.</summary>
    private int _depth;

    private HoconParser(List<HoconToken> tokens, HoconIncludeContext includes, string[] includePrefix)
    {
        _tokens = tokens;
        _includes = includes;
        _includePrefix = includePrefix;
    }

    /// <summary>Parses a whole document into its (unresolved) root object.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="origin">The name used in messages (usually the file name).</param>
    /// <param name="includes">Where includes are looked up and which files are already being included.</param>
    /// <param name="includePrefix">The path of the object an include statement sits in; empty for a top-level document.</param>
    /// <exception cref="ConfigurationException">Any syntax error, a missing required include or an include cycle.</exception>
    public static HoconObject ParseDocument(string text, string origin, HoconIncludeContext includes, string[] includePrefix)
    {
        var parser = new HoconParser(HoconTokenizer.Tokenize(text, origin), includes, includePrefix);
        return parser.ParseRoot();
    }

    private HoconToken Peek(int offset = 0) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private HoconToken Next() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            _index++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            _index++;
        }
    }

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var first = Peek();
        var root = new HoconObject(first.Position);
        if (first.Kind == HoconTokenKind.LeftBracket)
        {
            throw ConfigErrors.At(first.Position, "expected an object at the root of the document but found '['");
        }

        if (first.Kind != HoconTokenKind.LeftBrace)
        {
            ParseObjectBody(root, _includePrefix, braced: false, first.Position);
            return root;
        }

        Next();
        ParseObjectBody(root, _includePrefix, braced: true, first.Position);
        Next();
        SkipWhitespaceAndNewlines();
        if (Peek().Kind != HoconTokenKind.Eof)
        {
            throw ConfigErrors.At(Peek().Position, $"expected end of file after the root object's closing '}}' but found {Peek().Describe()}");
        }

        return root;
    }

    /// <summary>Parses fields into <paramref name="target"/> until '}' (left for the caller) or, for the braceless root, end of file.</summary>
    private void ParseObjectBody(HoconObject target, IReadOnlyList<string> path, bool braced, HoconPosition openedAt)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            if ((braced && token.Kind == HoconTokenKind.RightBrace) || (!braced && token.Kind == HoconTokenKind.Eof))
            {
                return;
            }

            if (token.Kind == HoconTokenKind.Eof)
            {
                throw ConfigErrors.At(token.Position, $"expected '}}' to close the object opened at {openedAt.Line}:{openedAt.Column} but found end of file");
            }

            string fieldName;
            if (IsIncludeStatement())
            {
                ParseInclude(target, path);
                fieldName = "include";
            }
            else
            {
                fieldName = ParseField(target, path, braced);
            }

            ExpectFieldEnd(fieldName, braced);
        }
    }

    private void ExpectFieldEnd(string fieldName, bool braced)
    {
        SkipWhitespace();
        var token = Peek();
        switch (token.Kind)
        {
            case HoconTokenKind.Comma:
                Next();
                return;
            case HoconTokenKind.Newline:
            case HoconTokenKind.Eof:
                return;
            case HoconTokenKind.RightBrace when braced:
                return;
            case HoconTokenKind.RightBrace or HoconTokenKind.RightBracket when !braced:
                throw ConfigErrors.At(token.Position, $"expected ',', a new line or end of file after '{fieldName}' but found {Unbalanced(token)}");
            default:
                var closer = braced ? ", a new line or '}'" : " or a new line";
                throw ConfigErrors.At(token.Position, $"expected ','{closer} after '{fieldName}' but found {token.Describe()}");
        }
    }

    /// <summary>Parses <c>key = value</c>, <c>key : value</c>, <c>key += value</c> or <c>key { ... }</c>; returns the key as written.</summary>
    private string ParseField(HoconObject target, IReadOnlyList<string> path, bool braced)
    {
        var (segments, keyText) = ParseKey(braced);
        SkipWhitespace();
        var separator = Peek();
        var fieldPath = Concat(path, segments);
        HoconValue value;
        switch (separator.Kind)
        {
            case HoconTokenKind.LeftBrace:
                value = ParseObject(fieldPath);
                break;
            case HoconTokenKind.Equals or HoconTokenKind.Colon:
                Next();
                SkipWhitespace();
                value = ParseValue(fieldPath, new ValueContext(separator.Text, keyText));
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipWhitespace();
                var element = ParseValue(fieldPath, new ValueContext("+=", keyText));
                // "a += x" is defined by HOCON as "a = ${?a} [x]": the earlier value of a, extended.
                var self = new HoconSubstitution(fieldPath, null, optional: true, separator.Position, allowEnvironment: false);
                value = new HoconConcatenation([self, new HoconArray([element], element.Position)], separator.Position);
                break;
            default:
                throw ConfigErrors.At(separator.Position, $"expected ':', '=', '+=' or '{{' after the key '{keyText}' but found {separator.Describe()}");
        }

        HoconMerger.SetPath(target, segments, value);
        return keyText;
    }

    /// <summary>Names a closing bracket that has no opening partner, the usual sign of one brace too many.</summary>
    private static string Unbalanced(HoconToken token) =>
        token.Kind == HoconTokenKind.RightBrace ? "'}', which closes no '{'" : "']', which closes no '['";

    private static string[] Concat(IReadOnlyList<string> prefix, string[] segments)
    {
        var result = new string[prefix.Count + segments.Length];
        for (var i = 0; i < prefix.Count; i++)
        {
            result[i] = prefix[i];
        }

        segments.CopyTo(result, prefix.Count);
        return result;
    }
}
