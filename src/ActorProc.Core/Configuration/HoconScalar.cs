namespace ActorProc.Core.Configuration;

/// <summary>A string, number, boolean or null leaf.</summary>
internal sealed class HoconScalar : HoconValue
{
    /// <summary>Creates a leaf; <paramref name="isWhitespace"/> marks the spaces between parts of a concatenation.</summary>
    public HoconScalar(HoconScalarKind kind, string text, HoconPosition position, bool isWhitespace = false)
        : base(position)
    {
        Kind = kind;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    /// <summary>What kind of leaf this is.</summary>
    public HoconScalarKind Kind { get; }

    /// <summary>The string value, or the source text of a number, boolean or null.</summary>
    public string Text { get; }

    /// <summary>
    /// True for the whitespace kept between concatenated values (<c>a = foo bar</c>): it matters when the parts
    /// are strings and is ignored when they are objects or arrays, so it has to stay distinguishable.
    /// </summary>
    public bool IsWhitespace { get; }

    /// <inheritdoc />
    public override bool NeedsResolution => false;

    /// <inheritdoc />
    public override string TypeName => Kind switch
    {
        HoconScalarKind.Number => "number",
        HoconScalarKind.Boolean => "boolean",
        HoconScalarKind.Null => "null",
        _ => "string",
    };

    /// <summary>Creates a string leaf.</summary>
    public static HoconScalar String(string text, HoconPosition position) => new(HoconScalarKind.String, text, position);
}
