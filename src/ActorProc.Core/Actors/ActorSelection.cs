namespace ActorProc.Core.Actors;

/// <summary>
/// A path pattern that is resolved to living actors when a message is sent: absolute
/// (<c>/user/a/b</c>, <c>actorproc://sys/user/a</c>) or relative to the actor that created it
/// (<c>../sibling</c>, <c>child/grandchild</c>), with <c>*</c> and <c>?</c> wildcards in elements.
/// A message matching no actor goes to dead letters; an <see cref="Identify"/> matching none is
/// answered with an empty <see cref="ActorIdentity"/>.
/// </summary>
public sealed partial class ActorSelection
{
    private readonly ActorSystem _system;
    private readonly ActorPath _anchor;
    private readonly string[] _elements;

    private ActorSelection(ActorSystem system, ActorPath anchor, string[] elements, string pathString)
    {
        _system = system;
        _anchor = anchor;
        _elements = elements;
        PathString = pathString;
    }

    /// <summary>The path pattern as given.</summary>
    public string PathString { get; }

    internal static ActorSelection Create(ActorSystem system, ActorPath anchor, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Contains("://", StringComparison.Ordinal))
        {
            var parsed = ActorPath.Parse(path);
            if (parsed.Address != system.Address)
                return system.RemoteProvider?.Select(parsed, path) ?? throw new ArgumentException($"'{path}' names another actor system ({parsed.Address}); remote selections need ActorProc.Remote.", nameof(path));
            return new ActorSelection(system, ActorPath.Root(system.Address), parsed.Elements.ToArray(), path);
        }
        var root = path.StartsWith('/') ? ActorPath.Root(system.Address) : anchor;
        return new ActorSelection(system, root, path.Split('/', StringSplitOptions.RemoveEmptyEntries), path);
    }

    /// <summary>Sends the message to every actor matching the pattern now.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TryTellRemote(message, sender)) return;
        var matches = Resolve();
        if (matches.Count == 0)
        {
            if (message is Identify identify) sender?.Tell(new ActorIdentity(identify.MessageId, null), null);
            else _system.DeadLetterRef.Publish(message, sender, _system.DeadLetters);
            return;
        }
        foreach (var actor in matches) actor.Tell(message, sender);
    }

    /// <summary>Resolves the pattern to one living actor.</summary>
    /// <exception cref="ActorNotFoundException">No living actor matches.</exception>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        if (_remoteAddress is not null) return ResolveRemote(timeout);
        var matches = Resolve();
        return matches.Count > 0
            ? Task.FromResult(matches[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException($"No actor found for selection '{PathString}' (looked up within {timeout})."));
    }

    /// <summary>The living actors that match now.</summary>
    internal IReadOnlyList<IActorRef> Resolve()
    {
        var current = new List<ActorCell> { FindCell(_anchor) ?? _system.RootCell };
        foreach (var element in _elements)
        {
            var next = new List<ActorCell>();
            foreach (var cell in current)
            {
                if (element == "..")
                {
                    if (cell.Parent is LocalActorRef parent) next.Add(parent.Cell);
                }
                else if (element == ".")
                {
                    next.Add(cell);
                }
                else if (element.Contains('*') || element.Contains('?'))
                {
                    foreach (var child in cell.Children)
                        if (child is LocalActorRef local && Glob(element, child.Path.Name)) next.Add(local.Cell);
                }
                else if (cell.Child(element) is LocalActorRef local)
                {
                    next.Add(local.Cell);
                }
            }
            current = next;
            if (current.Count == 0) break;
        }
        return current.Where(c => !c.IsTerminated).Select(c => (IActorRef)c.Self).ToArray();
    }

    private ActorCell? FindCell(ActorPath path)
    {
        var cell = _system.RootCell;
        foreach (var element in path.Elements)
        {
            if (cell.Child(element) is not LocalActorRef child) return null;
            cell = child.Cell;
        }
        return cell;
    }

    private static bool Glob(string pattern, string name)
    {
        // Classic two-pointer wildcard match: '*' any run, '?' one character.
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n])) { p++; n++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = n; }
            else if (star >= 0) { p = star + 1; n = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{PathString}]";
}
