namespace ActorProc.Core.Routing;

/// <summary>
/// A group member named by a path: it forwards to the actor living there, looked up on first use and again
/// whenever the actor found last has terminated (so an actor re-created under the path is reached again).
/// Equal to any ref with the same path.
/// <para>
/// Concurrency contract: <see cref="Tell"/> runs on any thread. <see cref="_current"/> is a cache written with
/// Volatile.Write; threads that look up at the same time find the same actor, so the last write wins harmlessly.
/// </para>
/// </summary>
internal sealed class GroupRoutee : IActorRef
{
    private readonly ActorSystem _system;
    private readonly ActorSelection _selection;
    private IActorRef? _current;

    public GroupRoutee(ActorSystem system, string path)
    {
        _system = system;
        _selection = system.ActorSelection(path);
        Path = path.Contains("://", StringComparison.Ordinal)
            ? ActorPath.Parse(path)
            : ActorPath.Root(system.Address).Descendant(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    public ActorPath Path { get; }

    /// <summary>The living actor at the path, or null when there is none now.</summary>
    public IActorRef? Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (current is not null && !(current is IInternalActorRef { IsTerminated: true })) return current;
            var matches = _selection.Resolve();
            current = matches.Count > 0 ? matches[0] : null;
            Volatile.Write(ref _current, current);
            return current;
        }
    }

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = Current;
        if (target is null) _system.DeadLetterRef.Publish(message, sender, this);
        else target.Tell(message, sender);
    }

    public bool Equals(IActorRef? other) => other is not null && Path.Equals(other.Path);
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);
    public override int GetHashCode() => Path.GetHashCode();
    public override string ToString() => $"[{Path}]";
}
