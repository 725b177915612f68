namespace ActorProc.Core.Configuration;

/// <summary>
/// Replaces every substitution in a parsed tree with the value it refers to, producing a tree of objects,
/// arrays and scalars only. Substitutions are looked up in the whole merged root, so a user file or an
/// environment override changes every value that refers to the key it sets.
/// </summary>
/// <remarks>
/// <para>
/// Self-references: while the later layer of a key defined twice (<see cref="HoconDelayedMerge"/>) is being resolved,
/// a lookup of that key sees the earlier layer; while a key defined once is being resolved, a lookup of it sees
/// nothing. Such a "self context" only applies while resolution has not left the key's own subtree, so
/// <c>a = ${b}, b = ${a}</c> is reported as the cycle it is rather than as a missing value.
/// </para>
/// <para>Each node is resolved once (memoized by identity), so resolution is linear in the size of the tree.</para>
/// </remarks>
internal sealed partial class HoconResolver
{
    /// <summary>How deep resolution may recurse (nested objects plus substitution chains).</summary>
    private const int MaxDepth = 500;

    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);

    /// <summary>Nodes being resolved, outermost first, with their paths: the stack cycles are read from.</summary>
    private readonly List<(string Path, HoconValue Node)> _inProgress = [];

    /// <summary>Active self contexts, innermost last (see the class remarks).</summary>
    private readonly List<SelfContext> _selfContexts = [];

    /// <summary>The substitution being looked up, so a cycle is reported where the loop closes.</summary>
    private HoconSubstitution? _currentSubstitution;

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves <paramref name="root"/>; returns the same instance when it holds no substitutions.</summary>
    /// <param name="root">The merged, unresolved root.</param>
    /// <param name="environment">Reads an environment variable; consulted when a substitution finds no configuration value.</param>
    /// <exception cref="ConfigurationException">An unresolved required substitution, a cycle, or a concatenation of incompatible values.</exception>
    public static HoconObject Resolve(HoconObject root, Func<string, string?> environment)
    {
        var resolver = new HoconResolver(root, environment);
        return resolver.ResolveField(root, "") as HoconObject ?? new HoconObject(root.Position);
    }

    /// <summary>Resolves the value of the field at <paramref name="path"/>; <see langword="null"/> means the field disappears.</summary>
    private HoconValue? ResolveField(HoconValue node, string path)
    {
        if (node is HoconScalar)
        {
            return node;
        }

        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        var cycleStart = _inProgress.FindIndex(entry => ReferenceEquals(entry.Node, node));
        if (cycleStart >= 0)
        {
            throw Cycle(cycleStart, path);
        }

        if (_inProgress.Count >= MaxDepth)
        {
            // A real config never gets near this; without a limit a generated one could overflow the stack.
            throw ConfigErrors.At(node.Position, $"expected substitutions and nesting at most {MaxDepth} levels deep but found deeper while resolving {path}", path);
        }

        _inProgress.Add((path, node));
        HoconValue? result;
        try
        {
            result = node switch
            {
                HoconObject obj => ResolveObject(obj, path),
                HoconDelayedMerge merge => ResolveDelayedMerge(merge, path),
                // A key defined once sees no earlier value of itself: "a = ${?a}" alone disappears.
                _ => WithSelfContext(path, below: null, () => ResolveInner(node, path)),
            };
        }
        finally
        {
            _inProgress.RemoveAt(_inProgress.Count - 1);
        }

        _resolved[node] = result;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj, string path)
    {
        List<KeyValuePair<string, HoconValue?>>? fields = null;
        var index = 0;
        foreach (var (key, value) in obj.Fields)
        {
            var resolved = value is HoconScalar ? value : ResolveField(value, ConfigPath.Join(path, key));
            if (fields is null && !ReferenceEquals(resolved, value))
            {
                // First change: copy the unchanged fields before it; until now nothing was allocated.
                fields = new List<KeyValuePair<string, HoconValue?>>(obj.Count);
                fields.AddRange(obj.Fields.Take(index).Select(f => new KeyValuePair<string, HoconValue?>(f.Key, f.Value)));
            }

            fields?.Add(new KeyValuePair<string, HoconValue?>(key, resolved));
            index++;
        }

        if (fields is null)
        {
            return obj;
        }

        var result = new HoconObject(obj.Position, fields.Count);
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                result.Set(key, value);
            }
        }

        return result;
    }

    private HoconValue? ResolveDelayedMerge(HoconDelayedMerge merge, string path)
    {
        var above = WithSelfContext(path, merge.Below, () => ResolveLayer(merge.Above, path));
        if (above is null)
        {
            // The later definition vanished (an undefined ${?X}): the earlier one stands.
            return ResolveField(merge.Below, path);
        }

        if (above is HoconObject aboveObject && ResolveField(merge.Below, path) is HoconObject belowObject)
        {
            return HoconMerger.Merge(aboveObject, belowObject);
        }

        return above;
    }

    /// <summary>Resolves one layer of a field without opening a new self context for it (the caller owns that).</summary>
    private HoconValue? ResolveLayer(HoconValue node, string path) =>
        node is HoconObject or HoconDelayedMerge ? ResolveField(node, path) : ResolveInner(node, path);

    private HoconValue? ResolveInner(HoconValue node, string path)
    {
        switch (node)
        {
            case HoconSubstitution substitution:
                return ResolveSubstitution(substitution);
            case HoconConcatenation concatenation:
                var parts = new HoconValue?[concatenation.Parts.Count];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = ResolveLayer(concatenation.Parts[i], path);
                }

                return HoconConcatenator.Concatenate(parts, concatenation.Position);
            case HoconArray array:
                // Always walk the elements: an object nested anywhere inside may hold a substitution.
                var items = new List<HoconValue>(array.Items.Count);
                var changed = false;
                foreach (var item in array.Items)
                {
                    var resolved = ResolveLayer(item, path);
                    changed |= !ReferenceEquals(resolved, item);
                    if (resolved is not null)
                    {
                        items.Add(resolved);
                    }
                }

                return changed ? new HoconArray(items, array.Position) : array;
            case HoconObject or HoconDelayedMerge:
                return ResolveField(node, path);
            default:
                return node;
        }
    }
}
