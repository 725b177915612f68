using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>A lifecycle hook that throws is logged and does not wedge the actor.</summary>
public sealed class HookFailureSpec : TestKit
{
    [Fact]
    public void A_failing_PreRestart_is_logged_and_the_restart_goes_on()
    {
        var actor = Sys.ActorOf(Props.Create(() => new BrokenHooks(TestActor, failPreRestart: true, failPostStop: false)), "actor");
        actor.Tell("inc");

        using (EventFilter.Exception<BoomException>().Mute())
        {
            EventFilter.Exception<InvalidOperationException>(contains: "PreRestart is broken").ExpectOne(() => actor.Tell("fail"));
        }

        ExpectMsg("restarted");
        actor.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void A_failing_PostStop_is_logged_and_watchers_still_hear_of_the_stop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new BrokenHooks(TestActor, failPreRestart: false, failPostStop: true)), "actor");
        Watch(actor);

        EventFilter.Exception<InvalidOperationException>(contains: "PostStop is broken").ExpectOne(() => Sys.Stop(actor));

        ExpectTerminated(actor);
        // The name is released as usual, so the actor can be created again.
        var again = Sys.ActorOf(Props.Create(() => new BrokenHooks(TestActor, false, false)), "actor");
        again.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void A_PostStop_that_throws_during_a_restart_does_not_stop_the_restart()
    {
        // The default PreRestart calls PostStop, so the broken PostStop runs inside the restart.
        var actor = Sys.ActorOf(Props.Create(() => new BrokenHooks(TestActor, failPreRestart: false, failPostStop: true)), "actor");
        actor.Tell("inc");

        using (EventFilter.Exception<BoomException>().Mute())
        {
            EventFilter.Exception<InvalidOperationException>(contains: "PostStop is broken").ExpectOne(() => actor.Tell("fail"));
        }

        ExpectMsg("restarted");
        actor.Tell("get", TestActor);
        ExpectMsg(0);
    }

    private sealed class BrokenHooks : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly bool _failPreRestart;
        private readonly bool _failPostStop;
        private int _state;

        public BrokenHooks(IActorRef probe, bool failPreRestart, bool failPostStop)
        {
            _probe = probe;
            _failPreRestart = failPreRestart;
            _failPostStop = failPostStop;
            Receive<string>(_ => _state++, s => s == "inc");
            Receive<string>(_ => Sender.Tell(_state, Self), s => s == "get");
            Receive<string>(_ => throw new BoomException(), s => s == "fail");
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            if (_failPreRestart) throw new InvalidOperationException("PreRestart is broken");
            base.PreRestart(reason, message);
        }

        protected override void PostStop()
        {
            if (_failPostStop) throw new InvalidOperationException("PostStop is broken");
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }
}
