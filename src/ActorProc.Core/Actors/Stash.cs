namespace ActorProc.Core.Actors;

/// <summary>Implemented by actors that set messages aside to process later; the runtime fills <see cref="Stash"/>.</summary>
public interface IWithStash
{
    /// <summary>The actor's stash (assigned by the runtime before PreStart).</summary>
    IStash Stash { get; set; }
}

/// <summary>
/// Messages set aside by an actor, e.g. while it is initializing. <see cref="UnstashAll()"/> puts them
/// back in front of the mailbox in their original order. Stashed messages survive a restart (they are
/// unstashed) and go to dead letters when the actor stops.
/// </summary>
public interface IStash
{
    /// <summary>Sets the message being processed aside.</summary>
    /// <exception cref="InvalidOperationException">Called outside message processing, or the same message is stashed twice.</exception>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Returns the stashed messages matching <paramref name="predicate"/>; the others stay stashed.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Removes and returns all stashed messages without delivering them.</summary>
    IReadOnlyList<Envelope> ClearStash();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}

/// <summary>The stash of one actor. Runner thread only, like the actor itself.</summary>
internal sealed class Stash(ActorCell cell) : IStash
{
    private readonly LinkedList<Envelope> _stashed = new();
    /// <summary>Sequence number of the delivery stashed last, to catch a message stashed twice.</summary>
    private int _lastStashedDelivery = -1;

    public int Count => _stashed.Count;

    void IStash.Stash()
    {
        var message = cell.CurrentMessage ?? throw new InvalidOperationException($"{cell.Self}: Stash() can only be called while processing a message.");
        if (_lastStashedDelivery == cell.DeliveryCount)
            throw new InvalidOperationException($"{cell.Self}: the message {message} was stashed twice.");
        _stashed.AddLast(new Envelope(message, cell.Sender));
        _lastStashedDelivery = cell.DeliveryCount;
    }

    public void Unstash()
    {
        if (_stashed.First is not { } first) return;
        _stashed.RemoveFirst();
        cell.Mailbox.Prepend([first.Value]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = new List<Envelope>();
        for (var node = _stashed.First; node is not null;)
        {
            var next = node.Next;
            if (predicate(node.Value))
            {
                selected.Add(node.Value);
                _stashed.Remove(node);
            }
            node = next;
        }
        if (selected.Count > 0) cell.Mailbox.Prepend(selected);
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }
}
