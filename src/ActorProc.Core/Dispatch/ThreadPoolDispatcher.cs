namespace ActorProc.Core.Dispatch;

/// <summary>
/// The default dispatcher: turns run on the .NET ThreadPool. The mailbox is itself the work item,
/// so scheduling allocates nothing. Good for short handlers and async I/O; CPU-heavy or blocking
/// actors belong on the CPU or pinned dispatcher so they cannot starve the pool.
/// </summary>
internal sealed class ThreadPoolDispatcher(string id, int throughput, TimeSpan throughputDeadline)
    : MessageDispatcher(id, throughput, throughputDeadline)
{
    // preferLocal: false puts the mailbox on the global queue: a message sent from inside an actor
    // should not make the receiver wait behind the sender's own long turn on a local queue.
    internal override void Execute(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
