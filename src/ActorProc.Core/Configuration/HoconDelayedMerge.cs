namespace ActorProc.Core.Configuration;

/// <summary>
/// A key defined twice where the later value (<see cref="Above"/>) cannot be merged over the earlier one
/// (<see cref="Below"/>) before resolution: the later value contains a substitution, or the earlier one does.
/// </summary>
/// <remarks>
/// Keeping both layers is what makes <c>path = ${path} ":/opt"</c> see the earlier path, lets
/// <c>a = 1, a = ${?NOPE}</c> fall back to 1, and lets an object merge over a substitution that turns out to be
/// an object.
/// </remarks>
internal sealed class HoconDelayedMerge : HoconValue
{
    /// <summary>Stacks <paramref name="above"/> over <paramref name="below"/>.</summary>
    public HoconDelayedMerge(HoconValue below, HoconValue above)
        : base(above.Position)
    {
        Below = below;
        Above = above;
    }

    /// <summary>The earlier definition: what a self-reference inside <see cref="Above"/> sees.</summary>
    public HoconValue Below { get; }

    /// <summary>The later definition, which wins unless it resolves to nothing or to an object merged over an object.</summary>
    public HoconValue Above { get; }

    /// <inheritdoc />
    public override bool NeedsResolution => true;

    /// <inheritdoc />
    public override string TypeName => "merge";
}
