using ActorProc.Core.Actors;
using ActorProc.Core.Events;

namespace ActorProc.Core.Tests.Mailboxes;

using ActorProc.TestKit;

/// <summary>Bounded mailboxes configured in HOCON: drop-new and backpressure overflow.</summary>
public sealed class BoundedMailboxSpec : TestKit
{
    private readonly SemaphoreSlim _release = new(0);

    public BoundedMailboxSpec() : base("""
        my-mailbox { mailbox-type = bounded, mailbox-capacity = 2, overflow-strategy = drop-new }
        waiting-mailbox { mailbox-type = bounded, mailbox-capacity = 2, overflow-strategy = backpressure }
        tiny-waiting-mailbox { mailbox-type = bounded, mailbox-capacity = 1, overflow-strategy = backpressure }
        """)
    {
    }

    private IActorRef HeldActor(string mailbox)
    {
        var actor = Sys.ActorOf(Props.Create(() => new Holder(TestActor, _release)).WithMailbox(mailbox));
        actor.Tell("hold");
        ExpectMsg("holding"); // the actor now sits in its handler; its mailbox is empty and fills from here
        return actor;
    }

    [Fact]
    public void Drop_new_sends_the_overflow_to_dead_letters_with_the_reason()
    {
        var actor = HeldActor("my-mailbox");
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));

        EventFilter.DeadLetter<int>(i => i == 3).ExpectOne(() =>
        {
            actor.Tell(1, TestActor);
            actor.Tell(2, TestActor);
            actor.Tell(3, TestActor); // capacity 2: dropped
        });
        var letter = letters.ExpectMsg<DeadLetter>();
        Assert.Equal(3, letter.Message);
        Assert.Equal("mailbox full", letter.Reason);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(TestActor, letter.Sender);

        _release.Release();
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectNoMsg();
    }

    [Fact]
    public async Task Backpressure_makes_TellAsync_wait_for_room_while_Tell_drops()
    {
        var actor = HeldActor("waiting-mailbox");
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        var pending = actor.TellAsync(3, TestActor).AsTask();
        await ExpectNoMsgAsync();
        Assert.False(pending.IsCompleted);

        await EventFilter.DeadLetter<int>(i => i == 4).ExpectOneAsync(() =>
        {
            actor.Tell(4, TestActor); // a synchronous Tell never waits: full means dead letter
            return Task.CompletedTask;
        });

        _release.Release();
        await pending.WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
        await ExpectMsgAsync(1);
        await ExpectMsgAsync(2);
        await ExpectMsgAsync(3);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task A_cancelled_TellAsync_gives_up_without_taking_room_from_other_waiting_senders()
    {
        var actor = HeldActor("tiny-waiting-mailbox");
        actor.Tell(1, TestActor);
        using var cts = new CancellationTokenSource();
        var cancelled = actor.TellAsync(2, TestActor, cts.Token).AsTask();
        var waiting = actor.TellAsync(3, TestActor).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        _release.Release();
        await ExpectMsgAsync(1);
        await waiting.WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
        await ExpectMsgAsync(3);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public void The_built_in_bounded_mailbox_id_works_from_props()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Holder(TestActor, _release)).WithMailbox("actorproc.actor.bounded-mailbox"));
        actor.Tell("x", TestActor);
        ExpectMsg("x");
    }

    [Theory]
    [InlineData("mailbox-type = bounded, mailbox-capacity = 0, overflow-strategy = drop-new", "bad.mailbox-capacity")]
    [InlineData("mailbox-type = bounded, mailbox-capacity = 5, overflow-strategy = block", "bad.overflow-strategy")]
    [InlineData("mailbox-type = lossy", "bad.mailbox-type")]
    public async Task An_invalid_mailbox_block_is_rejected_and_names_the_key(string block, string key)
    {
        await using var system = ActorSystem.Create("bad-mailbox", $"bad {{ {block} }}");
        var e = Assert.Throws<ActorConfigurationException>(() => system.ActorOf(Props.Create(() => new Holder(TestActor, _release)).WithMailbox("bad")));
        Assert.Contains(key, e.Message);
    }

    protected override void Dispose(bool disposing)
    {
        _release.Release(100); // let held actors go so the system stops promptly
        base.Dispose(disposing);
        if (disposing) _release.Dispose();
    }
}
