namespace ActorProc.Core.Configuration;

/// <summary>Where a token or value was written: origin file, 1-based line and column.</summary>
/// <remarks>
/// Values that do not come from a file (environment overrides) have <see cref="Line"/> 0; they render
/// as the bare origin so messages never show a meaningless ":0:0".
/// </remarks>
internal readonly record struct HoconPosition(string File, int Line, int Column)
{
    /// <summary>Renders <c>file:line:col</c>, the form editors and terminals turn into links.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
