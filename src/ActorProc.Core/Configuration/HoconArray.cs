namespace ActorProc.Core.Configuration;

/// <summary>An immutable list of values.</summary>
internal sealed class HoconArray : HoconValue
{
    /// <summary>Creates an array over <paramref name="items"/>, which the caller must not change afterwards.</summary>
    public HoconArray(IReadOnlyList<HoconValue> items, HoconPosition position)
        : base(position)
    {
        Items = items;
        foreach (var item in items)
        {
            if (item.NeedsResolution)
            {
                NeedsResolution = true;
                break;
            }
        }
    }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    /// <inheritdoc />
    /// <remarks>An array that holds a substitution may refer to the key's earlier value (<c>a = [${a}]</c>).</remarks>
    public override bool NeedsResolution { get; }

    /// <inheritdoc />
    public override string TypeName => "array";
}
