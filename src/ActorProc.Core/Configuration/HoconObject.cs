namespace ActorProc.Core.Configuration;

/// <summary>An object: fields in the order their keys were first defined.</summary>
/// <remarks>
/// Keys keep first-definition order because <see cref="Config.Keys"/> promises source order (deployment
/// blocks and similar lists are read in the order the user wrote them); redefining a key keeps its slot.
/// </remarks>
internal sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields;

    /// <summary>Creates an empty object.</summary>
    public HoconObject(HoconPosition position, int capacity = 0)
        : base(position) => _fields = new OrderedDictionary<string, HoconValue>(capacity, StringComparer.Ordinal);

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>The keys in definition order.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>The fields in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    /// <inheritdoc />
    /// <remarks>Objects merge field by field, so an object itself never has to wait for resolution to be merged.</remarks>
    public override bool NeedsResolution => false;

    /// <inheritdoc />
    public override string TypeName => "object";

    /// <summary>Looks up one literal key (no dot splitting).</summary>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out HoconValue value) =>
        _fields.TryGetValue(key, out value);

    /// <summary>Adds or replaces a field. Only the code building a fresh tree may call this.</summary>
    public void Set(string key, HoconValue value) => _fields[key] = value;
}
