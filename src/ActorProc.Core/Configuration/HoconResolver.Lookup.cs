namespace ActorProc.Core.Configuration;

/// <summary>Substitution lookup, self contexts and cycle reporting.</summary>
internal sealed partial class HoconResolver
{
    /// <summary>While the field at <see cref="Path"/> is resolved, a lookup of it yields <see cref="Below"/> (null: nothing).</summary>
    private readonly record struct SelfContext(string Path, HoconValue? Below, int OwnerIndex);

    private T WithSelfContext<T>(string path, HoconValue? below, Func<T> resolve)
    {
        // The owner is the in-progress entry of the field itself (pushed just before this call).
        _selfContexts.Add(new SelfContext(path, below, _inProgress.Count - 1));
        try
        {
            return resolve();
        }
        finally
        {
            _selfContexts.RemoveAt(_selfContexts.Count - 1);
        }
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution)
    {
        var outer = _currentSubstitution;
        _currentSubstitution = substitution;
        try
        {
            var found = Lookup(substitution.Path, out var selfWithoutEarlier);
            if (found is null && substitution.FallbackPath is not null)
            {
                found = Lookup(substitution.FallbackPath, out _);
            }

            if (found is not null)
            {
                return found;
            }

            if (substitution.AllowEnvironment && _environment(substitution.EnvironmentName) is { } variable)
            {
                return HoconScalar.String(variable, new HoconPosition($"environment variable {substitution.EnvironmentName}", 0, 0));
            }

            if (substitution.IsOptional)
            {
                return null;
            }

            var path = ConfigPath.Render(substitution.Path);
            var reason = selfWithoutEarlier is null
                ? $"no value at {path} and no environment variable named {substitution.EnvironmentName}"
                : selfWithoutEarlier == path
                    ? $"{path} refers to itself and has no earlier value"
                    : $"{path} lies inside {selfWithoutEarlier}, which this value is defining and which has no earlier value";
            throw ConfigErrors.At(substitution.Position, $"unresolved substitution {substitution}: {reason}", path);
        }
        finally
        {
            _currentSubstitution = outer;
        }
    }

    /// <summary>Finds and resolves the value at <paramref name="segments"/>, or returns null when there is none.</summary>
    private HoconValue? Lookup(IReadOnlyList<string> segments, out string? selfWithoutEarlier)
    {
        selfWithoutEarlier = null;
        HoconValue current = _root;
        var prefix = "";
        foreach (var segment in segments)
        {
            if (current is not HoconObject obj)
            {
                // An intermediate key is itself a substitution or merge: only its resolved form can be walked.
                if (ResolveField(current, prefix) is not HoconObject resolvedObject)
                {
                    return null;
                }

                obj = resolvedObject;
            }

            if (!obj.TryGetValue(segment, out var child))
            {
                return null;
            }

            prefix = ConfigPath.Join(prefix, segment);
            if (TryFindSelfContext(prefix, out var context))
            {
                if (context.Below is null)
                {
                    selfWithoutEarlier = context.Path;
                    return null;
                }

                child = context.Below;
            }

            current = child;
        }

        return ResolveField(current, prefix);
    }

    /// <summary>
    /// A self context applies only while everything resolved since its owner lies inside the owner's subtree;
    /// once resolution went through another key, reaching the owner again is a cycle, not a self-reference.
    /// </summary>
    private bool TryFindSelfContext(string path, out SelfContext context)
    {
        for (var i = _selfContexts.Count - 1; i >= 0; i--)
        {
            var candidate = _selfContexts[i];
            if (candidate.Path != path)
            {
                continue;
            }

            var inside = true;
            for (var j = candidate.OwnerIndex; j < _inProgress.Count && inside; j++)
            {
                var entry = _inProgress[j].Path;
                inside = entry == path || (entry.Length > path.Length && entry[path.Length] == '.' && entry.StartsWith(path, StringComparison.Ordinal));
            }

            if (inside)
            {
                context = candidate;
                return true;
            }
        }

        context = default;
        return false;
    }

    private ConfigurationException Cycle(int start, string closingPath)
    {
        var chain = new List<string>();
        for (var i = start; i < _inProgress.Count; i++)
        {
            var path = _inProgress[i].Path;
            if (chain.Count == 0 || chain[^1] != path)
            {
                chain.Add(path);
            }
        }

        chain.Add(closingPath);
        var at = _currentSubstitution?.Position ?? _inProgress[start].Node.Position;
        return ConfigErrors.At(at, $"substitution cycle: {string.Join(" -> ", chain)}", chain[0]);
    }
}
