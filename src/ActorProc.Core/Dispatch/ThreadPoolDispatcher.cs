namespace ActorProc.Core.Dispatch;

/// <summary>
/// The default dispatcher: turns run on the .NET ThreadPool. The mailbox is itself the work item,
/// so scheduling allocates nothing. Good for short handlers and async I/O; CPU-heavy or blocking
/// actors belong on the CPU or pinned dispatcher so they cannot starve the pool.
/// </summary>
internal sealed class ThreadPoolDispatcher(string id, int throughput, TimeSpan throughputDeadline)
    : MessageDispatcher(id, throughput, throughputDeadline)
{
    // A receiver woken by a message sent from inside an actor's turn goes on this worker's local queue:
    // no contention on the global queue, the message is still hot in this core's cache, and idle
    // workers steal from local queues, so the load still spreads. Everything else (a mailbox that
    // yields at the end of its turn, sends from outside actors) goes to the global FIFO queue, which
    // keeps actors that stay busy from monopolizing a worker.
    internal override void Execute(Mailbox mailbox) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: ActorCell.Current is not null);
}
