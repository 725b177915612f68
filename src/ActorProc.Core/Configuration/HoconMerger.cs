namespace ActorProc.Core.Configuration;

/// <summary>
/// The HOCON rules for a key defined more than once: objects merge field by field, any other value replaces
/// the earlier one, and when either side still needs resolution both are kept as a <see cref="HoconDelayedMerge"/>.
/// </summary>
/// <remarks>
/// Two flavours exist on purpose. The <c>Set*</c> methods mutate objects and are used only by the parser on the
/// tree it is building (so a 500-key file with dotted keys does not copy its parents 500 times). <see cref="Merge"/>
/// never mutates and is used wherever trees may be shared: <see cref="Config.WithFallback"/>, concatenation and resolution.
/// </remarks>
internal static class HoconMerger
{
    /// <summary>Defines <paramref name="key"/> in a tree under construction, merging with any earlier definition.</summary>
    public static void SetField(HoconObject target, string key, HoconValue value)
    {
        target.TryGetValue(key, out var existing);
        target.Set(key, CombineOwned(existing, value));
    }

    /// <summary>
    /// Defines a dotted key (<c>a.b.c = 1</c>) in a tree under construction: it behaves exactly like
    /// <c>a { b { c = 1 } }</c>, creating or reusing the intermediate objects.
    /// </summary>
    public static void SetPath(HoconObject target, IReadOnlyList<string> path, HoconValue value)
    {
        for (var i = 0; i < path.Count - 1; i++)
        {
            target.TryGetValue(path[i], out var existing);
            switch (existing)
            {
                case HoconObject obj:
                    target = obj;
                    break;
                case HoconDelayedMerge { Above: HoconObject above }:
                    // Merging into the top layer is the same as stacking another object layer over it, minus the layer.
                    target = above;
                    break;
                default:
                    var created = new HoconObject(value.Position);
                    target.Set(path[i], CombineOwned(existing, created));
                    target = created;
                    break;
            }
        }

        SetField(target, path[^1], value);
    }

    /// <summary>Merges <paramref name="above"/> over <paramref name="below"/> without changing either; returns a new object.</summary>
    public static HoconObject Merge(HoconObject above, HoconObject below)
    {
        var result = new HoconObject(below.Position, below.Count + above.Count);
        foreach (var (key, value) in below.Fields)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in above.Fields)
        {
            result.TryGetValue(key, out var existing);
            result.Set(key, Combine(existing, value));
        }

        return result;
    }

    /// <summary>The value a key holds after <paramref name="newer"/> is defined over <paramref name="older"/>; never mutates.</summary>
    public static HoconValue Combine(HoconValue? older, HoconValue newer) => older switch
    {
        null => newer,
        HoconObject olderObject when newer is HoconObject newerObject => Merge(newerObject, olderObject),
        _ => Layer(older, newer),
    };

    private static HoconValue CombineOwned(HoconValue? older, HoconValue newer)
    {
        if (older is HoconObject olderObject && newer is HoconObject newerObject)
        {
            foreach (var (key, value) in newerObject.Fields)
            {
                SetField(olderObject, key, value);
            }

            return olderObject;
        }

        return older is null ? newer : Layer(older, newer);
    }

    /// <summary>
    /// Decides between replacing and delaying: a plain newer value simply wins, unless it is an object over a
    /// value that may still turn out to be an object (then they must merge after resolution).
    /// </summary>
    private static HoconValue Layer(HoconValue older, HoconValue newer)
    {
        if (newer.NeedsResolution || (newer is HoconObject && older.NeedsResolution))
        {
            return new HoconDelayedMerge(older, newer);
        }

        return newer;
    }
}
