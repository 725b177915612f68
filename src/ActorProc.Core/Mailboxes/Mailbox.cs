using System.Diagnostics;

namespace ActorProc.Core.Mailboxes;

/// <summary>
/// An actor's mailbox: a user-message queue, an overtaking system-message queue, and the run loop
/// that a dispatcher executes.
/// <para>
/// Concurrency contract. Any thread may <see cref="Post"/>, <see cref="PostAsync"/> or
/// <see cref="PostSystem"/>. At most one thread runs <see cref="Run"/> at a time: a producer schedules
/// the mailbox only after winning the Scheduled bit of <see cref="_status"/>, and the runner clears
/// that bit when its turn ends. Everything the actor does happens inside <see cref="Run"/>, which is
/// why the actor needs no locks. Order per producer is kept because both queues are FIFO per
/// producer (the system queue is a LIFO stack reversed on drain). System messages are drained before
/// every user message, so they overtake user messages.
/// </para>
/// <para>
/// Status bit layout of <see cref="_status"/>: bit 0 = Scheduled (a run is queued or running),
/// bit 1 = Closed (the actor terminated; nothing runs again), bits 2..31 = suspend count (user
/// messages are held while it is non-zero; system messages still run).
/// </para>
/// </summary>
internal sealed partial class Mailbox : MpscQueue<Envelope>, IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;
    private const int SuspendUnit = 4;

    /// <summary>Marks the system queue of a closed mailbox; later system messages go to dead letters.</summary>
    private static readonly SystemMessage ClosedSentinel = new Terminate();

    /// <summary>Status word, see the bit layout above; changed only with CAS loops.</summary>
    private int _status;

    /// <summary>Head of the system-message stack (newest first), or <see cref="ClosedSentinel"/>.</summary>
    private SystemMessage? _systemHead;

    /// <summary>Unstashed messages, delivered before the queue; touched only by the runner.</summary>
    private Queue<Envelope>? _prepended;

    /// <summary>1 while some thread moves leftover messages of a closed mailbox to dead letters.</summary>
    private int _drainLock;

    /// <summary>
    /// A bounded or priority queue, or null for the default unbounded mailbox, which stores its
    /// messages in the <see cref="MpscQueue{T}"/> it derives from: one object less per actor.
    /// </summary>
    private readonly IMessageQueue? _custom;
    private ActorCell _cell = null!;
    private MessageDispatcher _dispatcher = null!;

    /// <summary>
    /// Creates a mailbox that starts suspended (one level): user messages posted before the actor
    /// instance exists wait until creation resumes it.
    /// </summary>
    public Mailbox(IMessageQueue? custom)
    {
        _custom = custom;
        _status = SuspendUnit;
    }

    /// <summary>Binds the mailbox to its actor and dispatcher; called once, before the first post.</summary>
    public void SetActor(ActorCell cell, MessageDispatcher dispatcher)
    {
        _cell = cell;
        _dispatcher = dispatcher;
    }

    /// <summary>The dispatcher that runs this mailbox.</summary>
    public MessageDispatcher Dispatcher => _dispatcher;

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;
    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;
    public bool HasSystemMessages
    {
        get
        {
            if (_createPending || _terminatePending) return true;
            var head = Volatile.Read(ref _systemHead);
            return head is not null && !ReferenceEquals(head, ClosedSentinel);
        }
    }

    public bool HasMessages => (_custom is null ? !IsEmpty : _custom.HasMessages) || _prepended is { Count: > 0 };

    /// <summary>Approximate number of user messages waiting.</summary>
    public int NumberOfMessages => (_custom is null ? Count : _custom.Count) + (_prepended?.Count ?? 0);

    /// <summary>Enqueues a user message from any thread; never blocks, never throws at the sender.</summary>
    public void Post(in Envelope envelope)
    {
        if (IsClosed)
        {
            _cell.System.DeadLetterRef.Publish(envelope.Message, envelope.Sender, _cell.Self);
            return;
        }
        if (_custom is null) Enqueue(envelope);
        else if (!_custom.TryEnqueue(envelope))
        {
            _cell.OnMailboxOverflow(envelope);
            return;
        }
        // Lost-wakeup guard (Dekker style): the runner clears Scheduled (a locked op) and then checks the
        // queue; we claim our slot (a locked CAS inside Enqueue) and then read Scheduled. Locked ops are
        // totally ordered and later loads cannot pass them, so either the runner sees our claim (the
        // default queue's emptiness check counts claimed tickets, see MpscQueue.IsEmpty) or we see the
        // cleared bit and schedule. The custom queues publish differently, so they get a full fence.
        if (_custom is not null) Interlocked.MemoryBarrier();
        // The actor may have terminated (and drained) meanwhile, and a clear Scheduled bit means nobody
        // will look at our message unless we schedule. Hot path of every Tell: one status read.
        var status = Volatile.Read(ref _status);
        if ((status & Closed) != 0) DrainToDeadLetters();
        else if ((status & Scheduled) == 0 && status < SuspendUnit && TrySetScheduled()) _dispatcher.Execute(this);
    }

    /// <summary>Enqueues a user message, waiting while a backpressure mailbox is full.</summary>
    public async ValueTask PostAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            _cell.System.DeadLetterRef.Publish(envelope.Message, envelope.Sender, _cell.Self);
            return;
        }
        if (_custom is BoundedMessageQueue { Backpressure: true } bounded)
        {
            await bounded.EnqueueAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        else if (_custom is null)
        {
            Enqueue(envelope);
        }
        else if (!_custom.TryEnqueue(envelope))
        {
            // Without backpressure an async sender fares like a Tell: the message goes to dead letters.
            _cell.OnMailboxOverflow(envelope);
            return;
        }
        Interlocked.MemoryBarrier(); // same lost-wakeup guard as in Post
        if (IsClosed) DrainToDeadLetters();
        else RegisterForExecution(hasMessageHint: true, hasSystemMessageHint: false);
    }

    /// <summary>Enqueues a system message from any thread (lock-free push).</summary>
    public void PostSystem(SystemMessage message)
    {
        Debug.Assert(message.Next is null, "a system message instance is enqueued at most once");
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, ClosedSentinel))
            {
                _cell.System.DeadLetterRef.SystemMessageToDeadActor(message, _cell.Self);
                return;
            }
            message.Next = head;
            if (Interlocked.CompareExchange(ref _systemHead, message, head) == head) break;
        }
        RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true);
    }

    /// <summary>Puts messages back in front of the queue (unstash); runner thread only.</summary>
    public void Prepend(IEnumerable<Envelope> envelopes)
    {
        var prepended = _prepended ??= new Queue<Envelope>();
        if (prepended.Count == 0)
        {
            foreach (var e in envelopes) prepended.Enqueue(e);
            return;
        }
        // Keep already-prepended messages after the new ones.
        var rest = prepended.ToArray();
        prepended.Clear();
        foreach (var e in envelopes) prepended.Enqueue(e);
        foreach (var e in rest) prepended.Enqueue(e);
    }

    /// <summary>Schedules a run if there is something to do and no run is queued or running.</summary>
    public void RegisterForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        if (CanBeScheduled(hasMessageHint, hasSystemMessageHint) && TrySetScheduled())
            _dispatcher.Execute(this);
    }

    private bool CanBeScheduled(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var status = Volatile.Read(ref _status);
        if ((status & Closed) != 0) return false;
        if (status >= SuspendUnit) return hasSystemMessageHint || HasSystemMessages;
        return hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
    }

    void IThreadPoolWorkItem.Execute() => Run();

    /// <summary>One turn of the actor: all system messages, then up to <c>throughput</c> user messages.</summary>
    public void Run()
    {
        var previous = _cell.EnterTurn();
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();
                ProcessMessages();
            }
        }
        catch (Exception e)
        {
            // The cell handles actor failures itself; reaching here is a kernel bug. Report it rather
            // than crash the process from a thread-pool thread.
            _cell.System.ReportKernelFailure(_cell.Self, e);
        }
        finally
        {
            // Leave the turn first: scheduling below must not look like a send from inside an actor.
            ActorCell.ExitTurn(previous);
            ClearScheduled();
            if (IsClosed)
            {
                // Closed during this turn, possibly from outside (forced shutdown): leftovers go to dead letters.
                DrainPrepended();
                DrainToDeadLetters();
            }
            else
            {
                // Lost-wakeup re-check: a producer that posted while we were running saw Scheduled set and
                // did not schedule; now that the bit is clear, look again and reschedule if needed.
                RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: false);
            }
        }
    }

    private void ProcessMessages()
    {
        var left = _dispatcher.Throughput;
        var deadlineTicks = _dispatcher.ThroughputDeadlineTicks;
        var deadline = deadlineTicks > 0 ? Stopwatch.GetTimestamp() + deadlineTicks : 0;
        // Continue while only the Scheduled bit is set: not closed, not suspended (one status read).
        while (((uint)Volatile.Read(ref _status) & ~(uint)Scheduled) == 0 && TryDequeueNext(out var envelope))
        {
            _cell.Invoke(envelope);
            if (HasSystemMessages) ProcessAllSystemMessages();
            if (--left <= 0 || (deadline != 0 && Stopwatch.GetTimestamp() >= deadline)) break;
        }
    }

    private bool TryDequeueNext(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 } prepended)
        {
            envelope = prepended.Dequeue();
            return true;
        }
        return _custom is null ? base.TryDequeue(out envelope) : _custom.TryDequeue(out envelope);
    }

    private void ProcessAllSystemMessages()
    {
        if (_createPending)
        {
            _createPending = false;
            _cell.SystemInvoke(CreateMessage);
        }
        while (!IsClosed)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null || ReferenceEquals(head, ClosedSentinel))
            {
                if (!_terminatePending || IsClosed) return;
                _terminatePending = false;
                _cell.SystemInvoke(TerminateMessage);
                continue;
            }
            if (Interlocked.CompareExchange(ref _systemHead, null, head) != head) continue;

            // Reverse the stack into arrival order.
            SystemMessage? ordered = null;
            while (head is not null)
            {
                var next = head.Next;
                head.Next = ordered;
                ordered = head;
                head = next;
            }
            while (ordered is not null)
            {
                var message = ordered;
                ordered = message.Next;
                message.Next = null;
                if (IsClosed) _cell.System.DeadLetterRef.SystemMessageToDeadActor(message, _cell.Self);
                else _cell.SystemInvoke(message);
            }
        }
    }
}
