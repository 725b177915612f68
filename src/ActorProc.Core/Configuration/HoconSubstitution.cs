namespace ActorProc.Core.Configuration;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, replaced by the value at that path during resolution.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    /// <summary>Creates a substitution.</summary>
    /// <param name="path">The absolute path to look up (already prefixed when the text came from a nested include).</param>
    /// <param name="fallbackPath">
    /// For substitutions in a file included inside an object: the path as written, tried when the prefixed one is
    /// missing, so an included file can refer both to its siblings and to the including document's root.
    /// </param>
    /// <param name="optional">True for <c>${?path}</c>: an undefined value removes the field instead of failing.</param>
    /// <param name="position">Where the <c>${</c> was written.</param>
    /// <param name="allowEnvironment">
    /// False for the hidden self-reference behind <c>a += b</c>: it must only ever see the earlier value of
    /// <c>a</c>, never an environment variable that happens to share the name (Windows names are case-insensitive).
    /// </param>
    public HoconSubstitution(
        IReadOnlyList<string> path,
        IReadOnlyList<string>? fallbackPath,
        bool optional,
        HoconPosition position,
        bool allowEnvironment = true)
        : base(position)
    {
        Path = path;
        FallbackPath = fallbackPath;
        IsOptional = optional;
        AllowEnvironment = allowEnvironment;
    }

    /// <summary>Whether an environment variable may stand in for a missing value.</summary>
    public bool AllowEnvironment { get; }

    /// <summary>The absolute path to look up.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The path as written, when it differs from <see cref="Path"/> because of an include prefix.</summary>
    public IReadOnlyList<string>? FallbackPath { get; }

    /// <summary>True for <c>${?path}</c>.</summary>
    public bool IsOptional { get; }

    /// <summary>The environment variable tried when no configuration value exists: the path as written, joined by dots.</summary>
    public string EnvironmentName => string.Join('.', FallbackPath ?? Path);

    /// <inheritdoc />
    public override bool NeedsResolution => true;

    /// <inheritdoc />
    public override string TypeName => "substitution";

    /// <summary>Renders the reference as written, for messages.</summary>
    public override string ToString() => $"${{{(IsOptional ? "?" : "")}{ConfigPath.Render(FallbackPath ?? Path)}}}";
}
