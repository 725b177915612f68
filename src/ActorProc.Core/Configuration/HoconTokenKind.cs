namespace ActorProc.Core.Configuration;

/// <summary>The lexical tokens of HOCON.</summary>
internal enum HoconTokenKind
{
    /// <summary>End of the text.</summary>
    Eof,

    /// <summary>A line break; separates fields and array elements and ends a value.</summary>
    Newline,

    /// <summary>Spaces or tabs; kept because they matter inside a concatenation (<c>a = foo bar</c>).</summary>
    Whitespace,

    /// <summary><c>{</c></summary>
    LeftBrace,

    /// <summary><c>}</c></summary>
    RightBrace,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>=</c></summary>
    Equals,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>+=</c></summary>
    PlusEquals,

    /// <summary>Unquoted text; numbers, booleans and null are unquoted text until the parser classifies them.</summary>
    Unquoted,

    /// <summary>A quoted or triple-quoted string, already unescaped.</summary>
    Quoted,

    /// <summary><c>${path}</c> or <c>${?path}</c>.</summary>
    Substitution,
}
