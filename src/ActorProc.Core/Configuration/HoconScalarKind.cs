namespace ActorProc.Core.Configuration;

/// <summary>The kinds of leaf values HOCON knows.</summary>
internal enum HoconScalarKind
{
    /// <summary>Quoted or unquoted text.</summary>
    String,

    /// <summary>A JSON number; the original text is kept so nothing is lost to floating point.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>: the key is present but has no value; getters treat it as missing.</summary>
    Null,
}
