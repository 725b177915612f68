using System.Text;

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
    private readonly List<HoconToken> _tokens;
    private readonly HoconIncludeContext _includes;

    /// <summary>Where the document is included (empty for a top-level document); prefixes its substitutions.</summary>
    private readonly string[] _includePrefix;

    private int _index;

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
            case HoconTokenKind.RightBrace:
                throw ConfigErrors.At(token.Position, $"expected ',', a new line or end of file after '{fieldName}' but found '}}', which closes no '{{'");
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
                value = ParseValue(fieldPath, $"after '{separator.Text}' for key '{keyText}'");
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipWhitespace();
                var element = ParseValue(fieldPath, $"after '+=' for key '{keyText}'");
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

    /// <summary>
    /// Reads a key made of unquoted text, quoted strings and the whitespace between them. Dots in unquoted
    /// text separate path segments; quoted text is literal, which is how <c>"/a/b.c"</c> stays one key.
    /// </summary>
    private (string[] Segments, string Text) ParseKey(bool braced)
    {
        var start = Peek();
        var segments = new List<string>();
        var current = new StringBuilder();
        var written = new StringBuilder();
        var quotedInSegment = false;
        string? pendingWhitespace = null;
        while (Peek().Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.Whitespace)
        {
            var token = Next();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                // Only whitespace between key parts belongs to the key; whitespace before the separator does not.
                pendingWhitespace = token.Text;
                continue;
            }

            if (pendingWhitespace is not null)
            {
                current.Append(pendingWhitespace);
                written.Append(pendingWhitespace);
                pendingWhitespace = null;
            }

            if (token.Kind == HoconTokenKind.Quoted)
            {
                current.Append(token.Text);
                written.Append('"').Append(token.Text).Append('"');
                quotedInSegment = true;
                continue;
            }

            written.Append(token.Text);
            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    continue;
                }

                if (current.Length == 0 && !quotedInSegment)
                {
                    throw ConfigErrors.At(start.Position, $"invalid key '{written}': empty key between dots (quote keys that contain '.')");
                }

                segments.Add(current.ToString());
                current.Clear();
                quotedInSegment = false;
            }
        }

        if (written.Length == 0)
        {
            var expected = braced ? "'}' or a key" : "a key";
            throw ConfigErrors.At(start.Position, $"expected {expected} but found {start.Describe()}");
        }

        if (current.Length == 0 && !quotedInSegment)
        {
            throw ConfigErrors.At(start.Position, $"invalid key '{written}': the key ends with '.'");
        }

        segments.Add(current.ToString());
        return ([.. segments], written.ToString());
    }

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
