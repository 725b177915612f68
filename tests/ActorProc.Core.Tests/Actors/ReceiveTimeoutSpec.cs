using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>ReceiveTimeout: fires after inactivity, reset by ordinary messages only, switched off with null.</summary>
public sealed class ReceiveTimeoutSpec : TestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _clock;
    private readonly DateTimeOffset _start;

    public ReceiveTimeoutSpec() : this(new ManualTimeProvider()) { }

    private ReceiveTimeoutSpec(ManualTimeProvider clock) : base(new ActorSystemSetup { TimeProvider = clock })
    {
        _clock = clock;
        _start = clock.GetUtcNow();
    }

    /// <summary>A message that does not count as activity.</summary>
    private sealed record Heartbeat : INotInfluenceReceiveTimeout;

    private sealed class Sleepy : ReceiveActor
    {
        public Sleepy(IActorRef report)
        {
            Receive<ReceiveTimeout>(_ => report.Tell("timeout", Self));
            Receive<string>(_ => { Context.SetReceiveTimeout(null); report.Tell("off", Self); }, s => s == "off");
            ReceiveAny(m => report.Tell(m, Self));
        }

        protected override void PreStart() => Context.SetReceiveTimeout(Timeout);
    }

    private IActorRef StartSleepy()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor)));
        AwaitTimerDueAt(_clock.GetUtcNow() + Timeout); // PreStart has armed the countdown
        return actor;
    }

    /// <summary>The actor (re)arms its countdown on its own thread after handling a message; wait for that before moving time.</summary>
    private void AwaitTimerDueAt(DateTimeOffset due) =>
        AwaitCondition(() => _clock.NextDueTime == due, message: $"a timer due at +{(due - _start).TotalSeconds} s");

    [Fact]
    public void ReceiveTimeout_fires_after_the_set_time_without_messages_and_again_after_each_period()
    {
        StartSleepy();
        _clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("timeout");
        AwaitTimerDueAt(_clock.GetUtcNow() + Timeout);
        _clock.Advance(Timeout);
        ExpectMsg("timeout");
    }

    [Fact]
    public void An_ordinary_message_restarts_the_countdown()
    {
        var actor = StartSleepy();
        _clock.Advance(TimeSpan.FromSeconds(3));
        actor.Tell("activity");
        ExpectMsg("activity");
        AwaitTimerDueAt(_start + TimeSpan.FromSeconds(3) + Timeout);
        _clock.Advance(TimeSpan.FromSeconds(4)); // +7 s: past the original deadline
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromSeconds(1)); // +8 s = 3 + 5
        ExpectMsg("timeout");
    }

    [Fact]
    public void A_message_marked_INotInfluenceReceiveTimeout_does_not_restart_the_countdown()
    {
        var actor = StartSleepy();
        _clock.Advance(TimeSpan.FromSeconds(3));
        actor.Tell(new Heartbeat());
        ExpectMsg<Heartbeat>();
        Assert.Equal(_start + Timeout, _clock.NextDueTime);
        _clock.Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("timeout");
    }

    [Fact]
    public void SetReceiveTimeout_null_switches_it_off()
    {
        var actor = StartSleepy();
        actor.Tell("off");
        ExpectMsg("off");
        AwaitCondition(() => _clock.NextDueTime is null, message: "the countdown is cancelled");
        _clock.Advance(TimeSpan.FromHours(1));
        ExpectNoMsg();
    }
}
