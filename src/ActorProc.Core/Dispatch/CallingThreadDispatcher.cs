namespace ActorProc.Core.Dispatch;

/// <summary>
/// Runs each turn synchronously on the thread that scheduled it (the sender's thread), which makes
/// tests deterministic: when <c>Tell</c> returns, the message has been processed (unless the receiver
/// was already running further up the same stack, in which case it is processed when that turn
/// continues). Not for production use: a slow actor blocks its senders.
/// </summary>
internal sealed class CallingThreadDispatcher(string id, int throughput)
    : MessageDispatcher(id, throughput, TimeSpan.Zero)
{
    internal override void Execute(Mailbox mailbox) => mailbox.Run();
}
