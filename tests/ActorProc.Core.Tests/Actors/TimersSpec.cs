using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>Keyed actor timers (IWithTimers) on a manual clock.</summary>
public sealed class TimersSpec : TestKit
{
    private readonly ManualTimeProvider _clock;
    private readonly SemaphoreSlim _release = new(0);

    public TimersSpec() : this(new ManualTimeProvider()) { }

    private TimersSpec(ManualTimeProvider clock) : base(new ActorSystemSetup { TimeProvider = clock }) => _clock = clock;

    private sealed record StartSingle(string Key, object Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, object Message, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    /// <summary>Starts, cancels and queries timers on command (answering "ok" once done) and reports every other message.</summary>
    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerActor(IActorRef report, SemaphoreSlim release)
        {
            Receive<StartSingle>(s => { Timers.StartSingleTimer(s.Key, s.Message, s.Delay); Sender.Tell("ok", Self); });
            Receive<StartPeriodic>(p => { Timers.StartPeriodicTimer(p.Key, p.Message, p.Interval); Sender.Tell("ok", Self); });
            Receive<CancelTimer>(c => { Timers.Cancel(c.Key); Sender.Tell("ok", Self); });
            Receive<IsActive>(q => Sender.Tell(Timers.IsTimerActive(q.Key), Self));
            Receive<Exception>(e => throw e);
            ReceiveAsync<string>(async key =>
            {
                report.Tell("holding", Self);
                await release.WaitAsync();
                Timers.Cancel(key["hold-then-cancel:".Length..]);
                report.Tell("cancelled", Self);
            }, s => s.StartsWith("hold-then-cancel:", StringComparison.Ordinal));
            ReceiveAny(m => report.Tell(m, Self));
        }
    }

    private IActorRef NewTimerActor() => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, _release)));

    private void Command(IActorRef actor, object command)
    {
        actor.Tell(command, TestActor);
        ExpectMsg("ok");
    }

    private bool Active(IActorRef actor, string key)
    {
        actor.Tell(new IsActive(key), TestActor);
        return ExpectMsg<bool>();
    }

    [Fact]
    public void A_single_timer_delivers_once_and_is_then_inactive()
    {
        var actor = NewTimerActor();
        Command(actor, new StartSingle("t", "tick", TimeSpan.FromSeconds(5)));
        Assert.True(Active(actor, "t"));
        _clock.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Assert.False(Active(actor, "t"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void A_periodic_timer_delivers_every_interval_until_cancelled()
    {
        var actor = NewTimerActor();
        Command(actor, new StartPeriodic("p", "beat", TimeSpan.FromSeconds(2)));
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            ExpectMsg("beat");
        }
        Assert.True(Active(actor, "p"));
        Command(actor, new CancelTimer("p"));
        Assert.False(Active(actor, "p"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void Starting_a_timer_with_a_key_in_use_replaces_it()
    {
        var actor = NewTimerActor();
        Command(actor, new StartSingle("k", "first", TimeSpan.FromSeconds(5)));
        Command(actor, new StartSingle("k", "second", TimeSpan.FromSeconds(10)));
        _clock.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromSeconds(5));
        ExpectMsg("second");
        ExpectNoMsg();
    }

    [Fact]
    public void A_timer_cancelled_after_its_message_was_queued_is_still_not_delivered()
    {
        var actor = NewTimerActor();
        Command(actor, new StartSingle("late", "stale", TimeSpan.FromSeconds(1)));
        actor.Tell("hold-then-cancel:late");
        ExpectMsg("holding");
        _clock.Advance(TimeSpan.FromSeconds(1)); // the timer message waits in the mailbox behind the held handler
        _release.Release();
        ExpectMsg("cancelled");
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = NewTimerActor();
        Command(actor, new StartPeriodic("p", "beat", TimeSpan.FromSeconds(1)));
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Assert.Null(_clock.NextDueTime);
        EventFilter.DeadLetter().Expect(0, () => _clock.Advance(TimeSpan.FromSeconds(10)));
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = NewTimerActor();
        Command(actor, new StartPeriodic("p", "beat", TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("beat");
        EventFilter.Exception<InvalidOperationException>(message: "restart me").ExpectOne(() =>
            actor.Tell(new InvalidOperationException("restart me")));
        Assert.False(Active(actor, "p")); // answered by the new instance
        _clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    protected override void Dispose(bool disposing)
    {
        _release.Release(100);
        base.Dispose(disposing);
        if (disposing) _release.Dispose();
    }
}
