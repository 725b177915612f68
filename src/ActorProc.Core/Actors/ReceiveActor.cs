namespace ActorProc.Core.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor
/// (<c>Receive&lt;T&gt;</c>, <c>ReceiveAsync&lt;T&gt;</c>, <c>ReceiveAny</c>). The first matching handler
/// wins. <see cref="Become(Action)"/> swaps in a new list built by the given action.
/// <para>
/// Async handlers keep one-message-at-a-time semantics: until the returned task completes the actor
/// takes no other user message (system messages such as Stop still get through), and every
/// continuation after an <c>await</c> runs inside the actor, so <c>Sender</c>, <c>Self</c> and the
/// actor's state are safe to use there (unless the code opts out with <c>ConfigureAwait(false)</c>).
/// </para>
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private List<ReceiveHandler> _handlers = new(4);
    private List<ReceiveHandler>? _building;

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    protected void Receive<T>(Action<T> handler) => Receive(handler, null);

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new SyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/>; the handler returns false to leave a message unhandled.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new FuncHandler<T>(handler));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously, one message at a time.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles any message not taken by an earlier handler.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    protected void ReceiveAny(Action<object> handler) => Receive(handler, null);

    /// <summary>Handles any message not taken by an earlier handler, asynchronously.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>
    /// Replaces the behaviour: <paramref name="configure"/> registers the new handlers (with
    /// <c>Receive</c> calls), which take effect from the next message.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _building = new List<ReceiveHandler>(4);
        try
        {
            configure();
            _handlers = _building;
        }
        finally
        {
            _building = null;
        }
        Cell.BecomeOwnReceive(); // back to the handler list if an ActorBase-level Become was used
    }

    private void Add(ReceiveHandler handler) => (_building ?? _handlers).Add(handler);

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i].TryHandle(message, Cell)) return true;
        }
        return false;
    }

    private abstract class ReceiveHandler
    {
        public abstract bool TryHandle(object message, ActorCell cell);
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
    {
        public override bool TryHandle(object message, ActorCell cell)
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
            handler(typed);
            return true;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : ReceiveHandler
    {
        public override bool TryHandle(object message, ActorCell cell) => message is T typed && handler(typed);
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
    {
        public override bool TryHandle(object message, ActorCell cell)
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
            cell.RunAsyncHandler(() => handler(typed));
            return true;
        }
    }
}
