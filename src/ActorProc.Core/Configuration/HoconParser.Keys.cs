using System.Text;

namespace ActorProc.Core.Configuration;

/// <summary>Keys: unquoted words split on dots, quoted parts kept literal, whitespace between parts kept.</summary>
internal sealed partial class HoconParser
{
    /// <summary>
    /// Reads a key made of unquoted text, quoted strings and the whitespace between them. Dots in unquoted
    /// text separate path segments; quoted text is literal, which is how <c>"/a/b.c"</c> stays one key.
    /// </summary>
    private (string[] Segments, string Text) ParseKey(bool braced)
    {
        var start = Peek();
        if (start.Kind == HoconTokenKind.Unquoted && !IsKeyPart(Peek(1)) && !(Peek(1).Kind == HoconTokenKind.Whitespace && IsKeyPart(Peek(2))))
        {
            // The usual key is one unquoted word, maybe dotted: no builders needed.
            Next();
            return (SplitUnquotedKey(start), start.Text);
        }

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
            var found = !braced && start.Kind is (HoconTokenKind.RightBrace or HoconTokenKind.RightBracket) ? Unbalanced(start) : start.Describe();
            throw ConfigErrors.At(start.Position, $"expected {expected} but found {found}");
        }

        if (current.Length == 0 && !quotedInSegment)
        {
            throw ConfigErrors.At(start.Position, $"invalid key '{written}': the key ends with '.'");
        }

        segments.Add(current.ToString());
        return ([.. segments], written.ToString());
    }

    private static bool IsKeyPart(HoconToken token) => token.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted;

    private static string[] SplitUnquotedKey(HoconToken token)
    {
        if (!token.Text.Contains('.'))
        {
            return [token.Text];
        }

        var segments = token.Text.Split('.');
        if (Array.IndexOf(segments, "") >= 0)
        {
            var problem = segments[^1].Length == 0 && Array.IndexOf(segments, "", 0, segments.Length - 1) < 0
                ? "the key ends with '.'"
                : "empty key between dots (quote keys that contain '.')";
            throw ConfigErrors.At(token.Position, $"invalid key '{token.Text}': {problem}");
        }

        return segments;
    }
}
