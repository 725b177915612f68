namespace ActorProc.Core.Configuration;

/// <summary>
/// <c>include "f.conf"</c>, <c>include file("f.conf")</c>, <c>include required("f.conf")</c> and
/// <c>include required(file("f.conf"))</c>: the included file's fields merge in at the statement's position,
/// relative to the enclosing object.
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>
    /// "include" is only a keyword when a file name follows; otherwise it is an ordinary key (<c>include = 5</c>).
    /// </summary>
    private bool IsIncludeStatement()
    {
        var keyword = Peek();
        if (keyword.Kind != HoconTokenKind.Unquoted || keyword.Text != "include")
        {
            return false;
        }

        var offset = 1;
        while (Peek(offset).Kind == HoconTokenKind.Whitespace)
        {
            offset++;
        }

        var next = Peek(offset);
        return offset > 1 && (next.Kind == HoconTokenKind.Quoted || (next.Kind == HoconTokenKind.Unquoted && next.Text.Contains('(')));
    }

    private void ParseInclude(HoconObject target, IReadOnlyList<string> path)
    {
        var keyword = Next();
        SkipWhitespace();
        var required = false;
        var depth = 0;
        var opener = Peek();
        var wrappers = "";
        // "required(file(" is one token, "required( file(" two: gather every "name(" before the file name.
        while (Peek().Kind == HoconTokenKind.Unquoted && Peek().Text.EndsWith('('))
        {
            wrappers += Next().Text;
            SkipWhitespace();
        }

        if (wrappers.Length > 0)
        {
            (required, depth) = ParseIncludeWrappers(wrappers, opener.Position);
        }

        var name = Peek();
        if (name.Kind != HoconTokenKind.Quoted)
        {
            throw ConfigErrors.At(name.Position, $"expected a quoted file name after '{keyword.Text}' but found {name.Describe()}");
        }

        Next();
        ExpectClosingParentheses(wrappers, depth);
        IncludeFile(name.Text, required, target, path, keyword.Position);
    }

    /// <summary>Reads <c>required(</c>, <c>file(</c> or <c>required(file(</c>; returns whether required and how many ')' must follow.</summary>
    private static (bool Required, int Depth) ParseIncludeWrappers(string text, HoconPosition at)
    {
        var names = text.Split('(');
        var wrappers = names[..^1];
        var valid = names[^1].Length == 0 && wrappers.Length is 1 or 2
            && (wrappers.Length == 1 || (wrappers[0] == "required" && wrappers[1] != "required"))
            && wrappers[^1] is "required" or "file" or "url" or "classpath";
        if (!valid)
        {
            throw ConfigErrors.At(at, $"expected a quoted file name, file(\"...\"), required(\"...\") or required(file(\"...\")) after 'include' but found '{text}'");
        }

        if (wrappers[^1] is "url" or "classpath")
        {
            throw ConfigErrors.At(at, $"expected a file include but found '{wrappers[^1]}(': only files can be included");
        }

        return (wrappers[0] == "required", wrappers.Length);
    }

    private void ExpectClosingParentheses(string wrappers, int depth)
    {
        var closed = 0;
        while (closed < depth)
        {
            SkipWhitespace();
            var token = Peek();
            if (token.Kind != HoconTokenKind.Unquoted || token.Text.Any(c => c != ')') || closed + token.Text.Length > depth)
            {
                throw ConfigErrors.At(token.Position, $"expected {new string(')', depth - closed)} to close '{wrappers}' but found {token.Describe()}");
            }

            closed += token.Text.Length;
            Next();
        }
    }

    private void IncludeFile(string name, bool required, HoconObject target, IReadOnlyList<string> path, HoconPosition at)
    {
        var fullPath = _includes.Resolve(name);
        var found = FindIncludedFile(fullPath);
        if (found is null)
        {
            if (required)
            {
                throw ConfigErrors.At(at, $"expected the required include '{name}' to exist but found no file at {fullPath}");
            }

            // HOCON: a missing optional include is silently ignored, so a file may include an optional override.
            return;
        }

        var cycle = _includes.FindCycle(found);
        if (cycle is not null)
        {
            throw ConfigErrors.At(at, $"include cycle: {cycle}");
        }

        string text;
        try
        {
            text = System.IO.File.ReadAllText(found);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{at}: cannot read the included file {found}: {ex.Message}", null, at.File, at.Line, at.Column, ex);
        }

        var included = ParseDocument(text, found, _includes.Enter(found), [.. path]);
        foreach (var (key, value) in included.Fields)
        {
            HoconMerger.SetField(target, key, value);
        }
    }

    /// <summary>An include name without an extension may name "x.conf" or "x.json", as in other HOCON tools.</summary>
    private static string? FindIncludedFile(string fullPath)
    {
        if (System.IO.File.Exists(fullPath))
        {
            return fullPath;
        }

        if (System.IO.Path.HasExtension(fullPath))
        {
            return null;
        }

        foreach (var extension in (string[])[".conf", ".json"])
        {
            if (System.IO.File.Exists(fullPath + extension))
            {
                return fullPath + extension;
            }
        }

        return null;
    }
}
