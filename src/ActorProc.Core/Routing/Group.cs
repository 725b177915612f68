namespace ActorProc.Core.Routing;

/// <summary>
/// A router over existing actors named by absolute paths (<c>/user/a</c> or <c>actorproc://sys/user/a</c>).
/// The router does not create or supervise them. A path is looked up when the router starts and again whenever
/// the actor found there has terminated, so a routee that is re-created under the same path is reached again;
/// while nothing lives at a path, messages routed to it become dead letters. A group never stops by itself.
/// </summary>
public abstract record Group : RouterConfig
{
    private protected Group(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToArray();
        if (list.Length == 0) throw new ArgumentException("A group needs at least one routee path.", nameof(paths));
        foreach (var path in list)
        {
            if (string.IsNullOrWhiteSpace(path) || !(path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal)))
                throw new ArgumentException($"Group routee path '{path}' must be absolute, e.g. \"/user/worker1\".", nameof(paths));
        }
        Paths = list;
    }

    /// <summary>The routee paths, as given.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>
    /// Props for this group router, for <c>ActorOf(group.Props(), "name")</c>; a group creates no routees, so it
    /// needs no routee props of its own.
    /// </summary>
    public Props Props() => Actors.Props.Create<NoRoutee>().WithRouter(this);

    /// <summary>The actor type behind <see cref="Props()"/>; never instantiated, because groups create no routees.</summary>
    internal sealed class NoRoutee : ActorBase
    {
        protected internal override bool Receive(object message) => false;
    }
}
