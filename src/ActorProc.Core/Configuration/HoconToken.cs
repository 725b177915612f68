namespace ActorProc.Core.Configuration;

/// <summary>One token and where it starts.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">Unquoted text, the unescaped string, the raw substitution text, or the punctuation itself.</param>
/// <param name="Position">Where the token starts.</param>
/// <param name="Path">The parsed path of a substitution.</param>
/// <param name="Optional">True for <c>${?path}</c>.</param>
internal readonly record struct HoconToken(
    HoconTokenKind Kind,
    string Text,
    HoconPosition Position,
    string[]? Path = null,
    bool Optional = false)
{
    /// <summary>Describes the token for "but found ..." in messages.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.Eof => "end of file",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.Quoted => $"string \"{Text}\"",
        _ => $"'{Text}'",
    };
}
