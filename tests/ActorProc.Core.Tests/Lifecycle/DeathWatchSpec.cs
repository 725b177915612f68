using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Lifecycle;

using ActorProc.TestKit;

/// <summary>Watch delivers exactly one Terminated per watch; Unwatch takes it back, even when already queued.</summary>
public sealed class DeathWatchSpec : TestKit
{
    [Fact]
    public void Watching_before_death_delivers_exactly_one_Terminated()
    {
        var target = Sys.ActorOf(PingActor.Props(), "target");
        Watch(target);

        Sys.Stop(target);

        var terminated = ExpectTerminated(target);
        Assert.True(terminated.ExistenceConfirmed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Watching_after_death_still_delivers_exactly_one_Terminated_without_confirmed_existence()
    {
        var target = Sys.ActorOf(PingActor.Props(), "target");
        var first = CreateTestProbe();
        first.Watch(target);
        Sys.Stop(target);
        first.ExpectTerminated(target);

        Watch(target);

        var terminated = ExpectTerminated(target);
        Assert.False(terminated.ExistenceConfirmed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Watching_twice_delivers_one_Terminated()
    {
        var target = Sys.ActorOf(PingActor.Props(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");

        Sys.Stop(target);

        Assert.Equal(target, ExpectMsg<SawTerminated>().ActorRef);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Unwatch_before_death_means_no_Terminated()
    {
        var target = Sys.ActorOf(PingActor.Props(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        watcher.Tell(new UnwatchIt(target), TestActor);
        ExpectMsg("unwatched");
        var other = CreateTestProbe();
        other.Watch(target);

        Sys.Stop(target);
        other.ExpectTerminated(target);

        watcher.Tell("ping", TestActor);
        ExpectMsg("pong"); // no Terminated ahead of it
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        using var gate = new ManualResetEventSlim(false);
        // The target is a child of a parent that reports its death: the parent hears of it only after every
        // watcher has been told, so once the report arrives the watcher's notification is in its queue.
        Sys.ActorOf(Props.Create(() => new ReportingParent(TestActor)), "parent");
        var target = ExpectMsg<IActorRef>();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, gate)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");

        watcher.Tell("block", TestActor);   // the watcher is held inside this message...
        watcher.Tell(new UnwatchIt(target), TestActor); // ...with the unwatch queued behind it
        ExpectMsg("blocked");
        target.Tell(PoisonPill.Instance);
        ExpectMsg("child terminated");
        gate.Set(); // the Terminated is queued behind the unwatch now

        ExpectMsg("unwatched");
        watcher.Tell("ping", TestActor);
        ExpectMsg("pong"); // the queued Terminated was dropped
    }

    [Fact]
    public void A_parent_that_watches_its_child_gets_its_Terminated()
    {
        Sys.ActorOf(Props.Create(() => new ReportingParent(TestActor)), "parent");
        var child = ExpectMsg<IActorRef>();

        child.Tell(PoisonPill.Instance);

        ExpectMsg("child terminated");
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        var target = Sys.ActorOf(PingActor.Props(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchItWith(target, "target is gone"), TestActor);
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg("target is gone");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_unhandled_Terminated_stops_the_watcher_with_a_DeathPactException()
    {
        var target = Sys.ActorOf(PingActor.Props(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher(target)), "careless");
        Watch(watcher);
        watcher.Tell("ping", TestActor);
        ExpectMsg("pong"); // the watch is in place

        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));

        ExpectTerminated(watcher);
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record WatchItWith(IActorRef Target, object Message);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed record SawTerminated(IActorRef ActorRef);

    /// <summary>Watches on request and reports every Terminated (or custom message) to the probe.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe, ManualResetEventSlim? gate = null)
        {
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Target);
                Sender.Tell("watching", Self);
            });
            Receive<WatchItWith>(w =>
            {
                Context.WatchWith(w.Target, w.Message);
                Sender.Tell("watching", Self);
            });
            Receive<UnwatchIt>(w =>
            {
                Context.Unwatch(w.Target);
                Sender.Tell("unwatched", Self);
            });
            Receive<string>(_ =>
            {
                Sender.Tell("blocked", Self);
                gate!.Wait(TimeSpan.FromSeconds(10));
            }, s => s == "block");
            Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
            // A Terminated told onwards would be dropped by the probe (only death watch may deliver one), so wrap it.
            Receive<Terminated>(t => probe.Tell(new SawTerminated(t.ActorRef), Self));
            ReceiveAny(m => probe.Tell(m, Self));
        }
    }

    /// <summary>Creates a child, sends its ref to the probe, watches it, and reports its death.</summary>
    private sealed class ReportingParent : ReceiveActor
    {
        public ReportingParent(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf(PingActor.Props(), "child"));
            probe.Tell(child, Self);
            Receive<Terminated>(_ => probe.Tell("child terminated", Self));
        }
    }

    /// <summary>Watches an actor but has no handler for Terminated.</summary>
    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
        }
    }
}
