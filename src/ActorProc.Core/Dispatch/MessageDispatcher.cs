using System.Diagnostics;

namespace ActorProc.Core.Dispatch;

/// <summary>
/// Runs mailboxes on threads. Every actor is attached to one dispatcher (chosen by its Props or its
/// deployment); the dispatcher decides which thread executes each turn of the actor.
/// Concurrency contract: <see cref="Execute"/> is called from any thread, at most once per mailbox
/// until that mailbox's run ends (the mailbox's Scheduled bit guarantees it).
/// </summary>
public abstract class MessageDispatcher
{
    private protected MessageDispatcher(string id, int throughput, TimeSpan throughputDeadline)
    {
        if (throughput < 1) throw new ArgumentOutOfRangeException(nameof(throughput), throughput, $"dispatcher '{id}': throughput must be at least 1");
        Id = id;
        Throughput = throughput;
        ThroughputDeadlineTicks = throughputDeadline <= TimeSpan.Zero ? 0 : (long)(throughputDeadline.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The dispatcher's id (its configuration path, e.g. <c>actorproc.actor.cpu-dispatcher</c>).</summary>
    public string Id { get; }

    /// <summary>Maximum number of user messages an actor processes per turn before yielding its thread.</summary>
    public int Throughput { get; }

    /// <summary>Maximum length of a turn in <see cref="Stopwatch"/> ticks (0 = no limit besides <see cref="Throughput"/>).</summary>
    internal long ThroughputDeadlineTicks { get; }

    /// <summary>Hands one turn of the mailbox to a thread.</summary>
    internal abstract void Execute(Mailbox mailbox);

    /// <summary>Called when an actor starts using this dispatcher (the pinned dispatcher starts its thread).</summary>
    internal virtual void Attach(ActorCell cell) { }

    /// <summary>Called after an actor terminated.</summary>
    internal virtual void Detach(ActorCell cell) { }

    /// <summary>Stops the dispatcher's own threads, if any; called when the actor system terminates.</summary>
    internal virtual void Shutdown() { }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}({Id}, throughput={Throughput})";
}
