using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Mailboxes;

/// <summary>
/// On "hold" it reports "holding" and then takes no further user message until the semaphore is released
/// (an async handler: the mailbox fills deterministically while it waits); every other message is reported
/// to <c>report</c> in the order processed.
/// </summary>
internal sealed class Holder : ReceiveActor
{
    public Holder(IActorRef report, SemaphoreSlim release)
    {
        ReceiveAsync<string>(async _ =>
        {
            report.Tell("holding", Self);
            await release.WaitAsync();
        }, s => s == "hold");
        ReceiveAny(m => report.Tell(m, Self));
    }
}
