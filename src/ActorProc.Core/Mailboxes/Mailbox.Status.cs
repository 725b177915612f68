namespace ActorProc.Core.Mailboxes;

internal sealed partial class Mailbox
{
    /// <summary>Tries to take the Scheduled bit; false if already scheduled or closed.</summary>
    private bool TrySetScheduled()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (Scheduled | Closed)) != 0) return false;
            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status) return true;
        }
    }

    private void ClearScheduled()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, status & ~Scheduled, status) == status) return;
        }
    }

    /// <summary>Holds user messages (one more level of suspension); runner thread or setup only.</summary>
    public void Suspend()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & Closed) != 0) return;
            if (Interlocked.CompareExchange(ref _status, status + SuspendUnit, status) == status) return;
        }
    }

    /// <summary>Undoes one <see cref="Suspend"/>; returns true when user messages may flow again.</summary>
    public bool Resume()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & Closed) != 0 || status < SuspendUnit) return status < SuspendUnit;
            var next = status - SuspendUnit;
            if (Interlocked.CompareExchange(ref _status, next, status) == status) return next < SuspendUnit;
        }
    }

    /// <summary>
    /// Closes the mailbox for good (the actor terminated): later system messages and user messages go
    /// to dead letters, and so does everything still queued. Runner thread only.
    /// </summary>
    public void Close()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, status | Closed, status) == status) break;
        }
        DrainSystemMessagesToDeadLetters();
        DrainPrepended();
        DrainToDeadLetters();
    }

    /// <summary>
    /// Closes the mailbox from another thread (forced shutdown of an actor stuck in a handler). If no
    /// turn is running, the leftovers are drained here; otherwise the running turn drains them when it
    /// ends (see the end of <see cref="Run"/>).
    /// </summary>
    public void ForceClose()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & Closed) != 0) return;
            if (Interlocked.CompareExchange(ref _status, status | Closed, status) == status) break;
        }
        DrainSystemMessagesToDeadLetters();
        if ((Volatile.Read(ref _status) & Scheduled) == 0) DrainToDeadLetters();
    }

    private void DrainSystemMessagesToDeadLetters()
    {
        var pending = Interlocked.Exchange(ref _systemHead, ClosedSentinel);
        // Pending messages are newest-first; their order does not matter for a dead actor.
        while (pending is not null && !ReferenceEquals(pending, ClosedSentinel))
        {
            var next = pending.Next;
            pending.Next = null;
            _cell.System.DeadLetterRef.SystemMessageToDeadActor(pending, _cell.Self);
            pending = next;
        }
    }

    private bool TryDequeueUser(out Envelope envelope) =>
        _custom is null ? TryDequeue(out envelope) : _custom.TryDequeue(out envelope);

    private void DrainPrepended()
    {
        if (_prepended is not { } prepended) return;
        while (prepended.TryDequeue(out var e)) _cell.System.DeadLetterRef.Publish(e.Message, e.Sender, _cell.Self);
    }

    /// <summary>Moves every queued user message of a closed mailbox to dead letters.</summary>
    private void DrainToDeadLetters()
    {
        do
        {
            // One drainer at a time keeps the queue single-consumer; a thread that loses the race
            // leaves its message to the current drainer, which re-checks after releasing the lock.
            if (Interlocked.CompareExchange(ref _drainLock, 1, 0) != 0) return;
            try
            {
                while (TryDequeueUser(out var e)) _cell.System.DeadLetterRef.Publish(e.Message, e.Sender, _cell.Self);
            }
            finally
            {
                Volatile.Write(ref _drainLock, 0);
            }
        }
        while (_custom is null ? !IsEmpty : _custom.HasMessages);
    }
}
