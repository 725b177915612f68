namespace ActorProc.Core.Configuration;

/// <summary>
/// Values written side by side on one line (<c>"http://"${host}":"${port}</c>, <c>${base} { extra = 1 }</c>)
/// whose result can only be computed after their substitutions are resolved.
/// </summary>
/// <remarks>Concatenations without substitutions are computed by the parser at once and never appear in a tree.</remarks>
internal sealed class HoconConcatenation : HoconValue
{
    /// <summary>Creates a concatenation; whitespace between the parts is kept as whitespace scalars.</summary>
    public HoconConcatenation(IReadOnlyList<HoconValue> parts, HoconPosition position)
        : base(position) => Parts = parts;

    /// <summary>The parts in order, including whitespace parts.</summary>
    public IReadOnlyList<HoconValue> Parts { get; }

    /// <inheritdoc />
    public override bool NeedsResolution => true;

    /// <inheritdoc />
    public override string TypeName => "concatenation";
}
