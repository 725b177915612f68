using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Mailboxes;

using ActorProc.TestKit;

/// <summary>Priority mailboxes registered in code: lower numbers first, FIFO among equals.</summary>
public sealed class PriorityMailboxSpec : TestKit
{
    private readonly SemaphoreSlim _release = new(0);

    private static int Priority(object message) => message switch
    {
        string s when s.StartsWith("urgent", StringComparison.Ordinal) => 0,
        string s when s.StartsWith("normal", StringComparison.Ordinal) => 1,
        _ => 2,
    };

    [Fact]
    public void Messages_are_delivered_by_priority_and_in_arrival_order_among_equals()
    {
        Sys.Mailboxes.RegisterPriority("by-urgency", Priority);
        var actor = Sys.ActorOf(Props.Create(() => new Holder(TestActor, _release)).WithMailbox("by-urgency"));
        actor.Tell("hold");
        ExpectMsg("holding");

        foreach (var m in new object[] { 1, "normal-1", "urgent-1", 2, "normal-2", "urgent-2", "urgent-3", 3 })
            actor.Tell(m);
        _release.Release();

        Assert.Equal(
            new object[] { "urgent-1", "urgent-2", "urgent-3", "normal-1", "normal-2", 1, 2, 3 },
            ReceiveN(8));
    }

    [Fact]
    public void A_priority_id_can_be_registered_only_once()
    {
        Sys.Mailboxes.RegisterPriority("once", Priority);
        var e = Assert.Throws<ArgumentException>(() => Sys.Mailboxes.RegisterPriority("once", Priority));
        Assert.Contains("'once'", e.Message);
    }

    [Fact]
    public async Task A_priority_mailbox_in_config_without_a_registered_function_is_rejected_with_advice()
    {
        await using var system = ActorSystem.Create("prio", "unregistered { mailbox-type = priority }");
        var e = Assert.Throws<ActorConfigurationException>(() => system.ActorOf(Props.Create(() => new Holder(TestActor, _release)).WithMailbox("unregistered")));
        Assert.Contains("RegisterPriority(\"unregistered\"", e.Message);
    }

    protected override void Dispose(bool disposing)
    {
        _release.Release(100);
        base.Dispose(disposing);
        if (disposing) _release.Dispose();
    }
}
