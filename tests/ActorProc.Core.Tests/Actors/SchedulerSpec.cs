using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>The system scheduler, driven by a manual clock so every delivery happens exactly when the test says.</summary>
public sealed class SchedulerSpec : TestKit
{
    private readonly ManualTimeProvider _clock;

    public SchedulerSpec() : this(new ManualTimeProvider()) { }

    private SchedulerSpec(ManualTimeProvider clock) : base(new ActorSystemSetup { TimeProvider = clock }) => _clock = clock;

    [Fact]
    public void ScheduleTellOnce_delivers_once_when_the_delay_has_passed()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(10), TestActor, "once", null);
        _clock.Advance(TimeSpan.FromSeconds(9.999));
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("once");
        _clock.Advance(TimeSpan.FromMinutes(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellOnce_uses_the_given_sender()
    {
        var sender = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "from", sender);
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("from");
        Assert.Equal(sender, LastSender);
    }

    [Fact]
    public void A_cancelled_tell_is_never_delivered()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "never", null);
        _clock.Advance(TimeSpan.FromSeconds(4));
        scheduled.Cancel();
        Assert.True(scheduled.IsCancellationRequested);
        _clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_every_interval_until_cancelled()
    {
        var repeating = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", null);
        _clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        ExpectMsg("tick");
        _clock.Advance(TimeSpan.FromSeconds(4)); // two more intervals
        ReceiveN(2);

        repeating.Cancel();
        _clock.Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleOnce_runs_the_action_after_the_delay()
    {
        var ran = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(3), () => Interlocked.Increment(ref ran));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Volatile.Read(ref ran));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Volatile.Read(ref ran));
    }

    [Fact]
    public void Invalid_delays_and_intervals_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(-1), TestActor, "x", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", null));
    }
}
