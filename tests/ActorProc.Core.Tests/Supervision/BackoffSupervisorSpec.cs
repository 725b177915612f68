using ActorProc.Core.Actors;
using ActorProc.Core.Events;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>
/// The backoff supervisor on a clock the test moves: re-creation happens exactly when the computed delay
/// has passed (random factor 0 makes the delays exact), never before.
/// </summary>
public sealed class BackoffSupervisorSpec : TestKit
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly ManualTimeProvider _clock;

    public BackoffSupervisorSpec() : this(new ManualTimeProvider()) { }

    private BackoffSupervisorSpec(ManualTimeProvider clock) : base(new ActorSystemSetup { TimeProvider = clock }) => _clock = clock;

    [Fact]
    public void The_child_is_recreated_after_exponentially_growing_delays()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure()), "supervisor");
        var child = CurrentChild(supervisor)!;

        // Delays 1s, 2s, 4s, then capped at 5s.
        foreach (var (delay, retry) in new[] { (1, 1), (2, 2), (4, 3), (5, 4) })
        {
            child = FailAndAwaitAbsence(supervisor, child, retry);
            _clock.Advance(TimeSpan.FromSeconds(delay) - Tick);
            Assert.Null(CurrentChild(supervisor));
            _clock.Advance(Tick);
            child = AwaitNewChild(supervisor, child);
        }
    }

    [Fact]
    public void Messages_are_forwarded_to_the_child_with_their_sender()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure()), "supervisor");
        var child = CurrentChild(supervisor);
        var client = CreateTestProbe();

        supervisor.Tell("ping", client);

        client.ExpectMsg("pong");
        Assert.Equal(child, client.LastSender);
    }

    [Fact]
    public void Messages_sent_while_the_child_is_absent_go_to_dead_letters()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure()), "supervisor");
        FailAndAwaitAbsence(supervisor, CurrentChild(supervisor)!, 1);
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));

        EventFilter.DeadLetter<string>(s => s == "lost").ExpectOne(() => supervisor.Tell("lost", TestActor));

        var letter = letters.ExpectMsg<DeadLetter>();
        Assert.Equal("lost", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(supervisor, letter.Recipient);
    }

    [Fact]
    public void The_retry_count_resets_after_the_child_ran_for_the_reset_period()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure().WithAutoReset(TimeSpan.FromSeconds(3))), "supervisor");
        var child = FailAndAwaitAbsence(supervisor, CurrentChild(supervisor)!, 1);
        _clock.Advance(Min);
        child = AwaitNewChild(supervisor, child);

        _clock.Advance(TimeSpan.FromSeconds(3) - Tick);
        Assert.Equal(1, RestartCount(supervisor));
        _clock.Advance(Tick);
        AwaitAssert(() => Assert.Equal(0, RestartCount(supervisor)));

        // Back to the minimum delay.
        FailAndAwaitAbsence(supervisor, child, 1);
        _clock.Advance(Min - Tick);
        Assert.Null(CurrentChild(supervisor));
        _clock.Advance(Tick);
        AwaitNewChild(supervisor, child);
    }

    [Fact]
    public void A_child_that_fails_again_before_the_reset_period_keeps_the_count()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure().WithAutoReset(TimeSpan.FromSeconds(3))), "supervisor");
        var child = FailAndAwaitAbsence(supervisor, CurrentChild(supervisor)!, 1);
        _clock.Advance(Min);
        child = AwaitNewChild(supervisor, child);
        _clock.Advance(TimeSpan.FromSeconds(2));

        FailAndAwaitAbsence(supervisor, child, 2);
        _clock.Advance(TimeSpan.FromSeconds(1)); // the cancelled reset would have fired here
        Assert.Equal(2, RestartCount(supervisor));
    }

    [Fact]
    public void The_supervisor_stops_itself_when_the_retries_are_used_up()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure().WithMaxNrOfRetries(2)), "supervisor");
        Watch(supervisor);
        var child = CurrentChild(supervisor)!;
        child = FailAndAwaitAbsence(supervisor, child, 1);
        _clock.Advance(TimeSpan.FromSeconds(1));
        child = AwaitNewChild(supervisor, child);
        child = FailAndAwaitAbsence(supervisor, child, 2);
        _clock.Advance(TimeSpan.FromSeconds(2));
        child = AwaitNewChild(supervisor, child);
        Watch(child);

        using (EventFilter.Exception<BoomException>().Mute())
        {
            child.Tell("fail");
            var terminated = ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
            Assert.True(terminated.SetEquals([supervisor, child]));
        }
    }

    [Fact]
    public void Reset_sets_the_count_back_to_zero()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnFailure()), "supervisor");
        FailAndAwaitAbsence(supervisor, CurrentChild(supervisor)!, 1);

        supervisor.Tell(BackoffSupervisor.Reset.Instance);

        Assert.Equal(0, RestartCount(supervisor));
    }

    [Fact]
    public void A_failure_the_decider_maps_to_Stop_stops_the_supervisor()
    {
        var options = OnFailure().WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options), "supervisor");
        Watch(supervisor);

        EventFilter.Exception<BoomException>().ExpectOne(() => CurrentChild(supervisor)!.Tell("fail"));

        ExpectTerminated(supervisor);
    }

    [Fact]
    public void OnStop_recreates_a_child_that_stopped_after_the_backoff()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop()), "supervisor");
        var child = CurrentChild(supervisor)!;
        Watch(child);

        child.Tell(PoisonPill.Instance);
        ExpectTerminated(child);
        AwaitAssert(() => Assert.Equal(1, RestartCount(supervisor)));
        _clock.Advance(Min - Tick);
        Assert.Null(CurrentChild(supervisor));
        _clock.Advance(Tick);

        AwaitNewChild(supervisor, child);
    }

    [Fact]
    public void OnStop_leaves_failures_to_the_strategy_which_restarts_the_child_in_place()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop()), "supervisor");
        var child = CurrentChild(supervisor)!;
        child.Tell("inc");

        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell("fail"));

        supervisor.Tell("get", TestActor);
        ExpectMsg(0); // a fresh instance...
        Assert.Equal(child, CurrentChild(supervisor)); // ...behind the same ref, restarted at once
        Assert.Equal(0, RestartCount(supervisor));
    }

    [Fact]
    public void OnStop_with_max_retries_stops_the_supervisor_when_they_are_used_up()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(OnStop().WithMaxNrOfRetries(1)), "supervisor");
        Watch(supervisor);
        var child = CurrentChild(supervisor)!;
        child.Tell(PoisonPill.Instance);
        AwaitAssert(() => Assert.Equal(1, RestartCount(supervisor)));
        _clock.Advance(Min);
        child = AwaitNewChild(supervisor, child);

        child.Tell(PoisonPill.Instance);

        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Messages_from_the_child_to_the_supervisor_go_to_the_supervisors_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ForwardingParent(TestActor)), "parent");
        var supervisor = this.ChildOf(parent, BackoffSupervisor.Props(OnFailure()), "supervisor");
        var child = CurrentChild(supervisor)!;

        child.Tell(new TellParent("hello"));

        ExpectMsg("hello");
        Assert.Equal(supervisor, LastSender);
    }

    private static BackoffOptions OnFailure() =>
        BackoffOptions.OnFailure(Props.Create(() => new BackoffChild()), "child", Min, Max, randomFactor: 0);

    private static BackoffOptions OnStop() =>
        BackoffOptions.OnStop(Props.Create(() => new BackoffChild()), "child", Min, Max, randomFactor: 0);

    private IActorRef? CurrentChild(IActorRef supervisor)
    {
        var probe = CreateTestProbe();
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, probe);
        return probe.ExpectMsg<BackoffSupervisor.CurrentChild>().Ref;
    }

    private int RestartCount(IActorRef supervisor)
    {
        var probe = CreateTestProbe();
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, probe);
        return probe.ExpectMsg<BackoffSupervisor.RestartCount>().Count;
    }

    /// <summary>Makes the child fail and waits until the supervisor has scheduled retry number <paramref name="retry"/> (so its timer runs).</summary>
    private IActorRef FailAndAwaitAbsence(IActorRef supervisor, IActorRef child, int retry)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(child);
        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell("fail"));
        watcher.ExpectTerminated(child);
        AwaitAssert(() => Assert.Equal(retry, RestartCount(supervisor)));
        Assert.Null(CurrentChild(supervisor));
        return child;
    }

    /// <summary>Waits for the supervisor to have a child other than <paramref name="previous"/>.</summary>
    private IActorRef AwaitNewChild(IActorRef supervisor, IActorRef previous)
    {
        IActorRef? current = null;
        AwaitAssert(() =>
        {
            current = CurrentChild(supervisor);
            Assert.NotNull(current);
            Assert.NotEqual(previous, current);
        });
        return current!;
    }

    private sealed record TellParent(string Message);

    private sealed class BackoffChild : ReceiveActor
    {
        private int _state;

        public BackoffChild()
        {
            Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
            Receive<string>(_ => _state++, s => s == "inc");
            Receive<string>(_ => Sender.Tell(_state, Self), s => s == "get");
            Receive<string>(_ => throw new BoomException(), s => s == "fail");
            Receive<TellParent>(m => Context.Parent.Tell(m.Message, Self));
        }
    }

    private sealed class ForwardingParent : ReceiveActor
    {
        public ForwardingParent(IActorRef target)
        {
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
            ReceiveAny(m => target.Tell(m, Sender));
        }
    }
}
