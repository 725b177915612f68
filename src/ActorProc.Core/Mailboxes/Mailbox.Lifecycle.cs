namespace ActorProc.Core.Mailboxes;

/// <summary>
/// Creation and stopping of the actor, requested through flags rather than system messages: both
/// happen once per actor, so a flag saves an allocation and a CAS on every spawn and every stop,
/// which matters when a million actors come and go (see the skynet benchmark).
/// </summary>
internal sealed partial class Mailbox
{
    /// <summary>Handed to the cell when creation is due; never enqueued, so one instance serves every mailbox.</summary>
    private static readonly Create CreateMessage = new();

    /// <summary>Handed to the cell when a requested stop is due; never enqueued either.</summary>
    private static readonly Terminate TerminateMessage = new();

    /// <summary>Set by <see cref="ScheduleCreate"/>, cleared by the runner when it creates the actor.</summary>
    private volatile bool _createPending;

    /// <summary>Set by <see cref="RequestTerminate"/>; the runner stops the actor after the queued system messages.</summary>
    private volatile bool _terminatePending;

    /// <summary>
    /// Asks the actor to stop (the Stop of a local ref, from any thread). A flag instead of a Terminate
    /// system message saves an allocation and a CAS per stopped actor; it is handled after the system
    /// messages already queued, and stopping is final, so nothing after it needs ordering.
    /// </summary>
    public void RequestTerminate()
    {
        if (IsClosed) return;
        _terminatePending = true;
        RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true);
    }

    /// <summary>
    /// Schedules the actor's creation, which runs before any system or user message. A flag instead of
    /// a Create system message saves an allocation and a CAS per spawned actor.
    /// </summary>
    public void ScheduleCreate()
    {
        _createPending = true;
        RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true);
    }
}
