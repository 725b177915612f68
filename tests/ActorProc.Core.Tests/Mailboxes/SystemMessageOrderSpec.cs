using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Mailboxes;

using ActorProc.TestKit;

/// <summary>System messages (here: Stop) overtake the user messages waiting in the mailbox.</summary>
public sealed class SystemMessageOrderSpec : TestKit
{
    private readonly SemaphoreSlim _release = new(0);

    [Fact]
    public void Stop_overtakes_a_thousand_waiting_user_messages_which_become_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Holder(TestActor, _release)));
        Watch(actor);
        actor.Tell("hold");
        ExpectMsg("holding");

        EventFilter.DeadLetter<int>().Expect(1000, () =>
        {
            for (var i = 0; i < 1000; i++) actor.Tell(i);
            Sys.Stop(actor); // a system message: handled before any of the waiting user messages
            ExpectTerminated(actor);
        });
        _release.Release();
        ExpectNoMsg(); // none of the 1000 was processed
    }

    [Fact]
    public void PoisonPill_by_contrast_waits_its_turn_behind_earlier_user_messages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Holder(TestActor, _release)));
        Watch(actor);
        actor.Tell("hold");
        ExpectMsg("holding");
        for (var i = 0; i < 100; i++) actor.Tell(i);
        actor.Tell(PoisonPill.Instance);
        _release.Release();
        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), ReceiveN(100));
        ExpectTerminated(actor);
    }

    protected override void Dispose(bool disposing)
    {
        _release.Release(100);
        base.Dispose(disposing);
        if (disposing) _release.Dispose();
    }
}
