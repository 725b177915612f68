namespace ActorProc.Core.Actors;

/// <summary>
/// The children of one actor by name, created when the first child is (most actors never have any).
/// Concurrency contract: everything here is read and written only under <see cref="Gate"/>, because
/// besides the parent's own thread, <c>system.ActorOf</c> creates top-level actors from any thread and
/// selections look children up from any thread; <see cref="NextName"/> is only touched with Interlocked.
/// A child's restart statistics are allocated only when it first fails or is stopped, so that a
/// parent of a million idle children pays for one dictionary entry per child and nothing more.
/// </summary>
internal sealed class ChildrenContainer
{
    /// <summary>Guards the maps; a <see cref="Lock"/> is cheaper than a monitor on the dictionary.</summary>
    public readonly Lock Gate = new();

    /// <summary>Children by name, including those still stopping (their names stay reserved); null = reserved, not yet built.</summary>
    public readonly Dictionary<string, IInternalActorRef?> Refs = new();

    /// <summary>Restart statistics of the children that needed them, by name.</summary>
    private Dictionary<string, ChildRestartStats>? _stats;

    /// <summary>Counter for generated child names ($a, $b, ...).</summary>
    public long NextName;

    /// <summary>The statistics of a child, created on first use. Call under <see cref="Gate"/>.</summary>
    public ChildRestartStats StatsFor(string name, IInternalActorRef child)
    {
        var stats = _stats ??= new Dictionary<string, ChildRestartStats>();
        if (!stats.TryGetValue(name, out var existing) || !ReferenceEquals(existing.Child, child))
        {
            existing = new ChildRestartStats { Child = child };
            stats[name] = existing;
        }
        return existing;
    }

    /// <summary>True when the child with this name is being stopped. Call under <see cref="Gate"/>.</summary>
    public bool IsStopping(string name) => _stats is not null && _stats.TryGetValue(name, out var s) && s.IsStopping;

    /// <summary>Forgets a child. Call under <see cref="Gate"/>.</summary>
    public void Remove(string name)
    {
        Refs.Remove(name);
        _stats?.Remove(name);
    }
}
