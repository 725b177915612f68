namespace ActorProc.TestKit.Tests;

public sealed class ManualTimeProviderSpec
{
    [Fact]
    public void A_timer_fires_when_the_clock_reaches_its_due_time_and_not_before()
    {
        var clock = new ManualTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, fired);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, fired);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_within_one_advance()
    {
        var clock = new ManualTimeProvider();
        var times = new List<DateTimeOffset>();
        var start = clock.GetUtcNow();
        using var timer = clock.CreateTimer(_ => times.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(new[] { 1.0, 3.0, 5.0 }, times.Select(t => (t - start).TotalSeconds));
        Assert.Equal(start + TimeSpan.FromSeconds(6), clock.GetUtcNow());
    }

    [Fact]
    public void Timers_fire_in_due_order_and_a_timer_created_by_a_callback_fires_in_the_same_advance()
    {
        var clock = new ManualTimeProvider();
        var order = new List<string>();
        using var late = clock.CreateTimer(_ => order.Add("late"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        ITimer? chained = null;
        using var early = clock.CreateTimer(_ =>
        {
            order.Add("early");
            chained = clock.CreateTimer(_ => order.Add("chained"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "early", "chained", "late" }, order);
        chained?.Dispose();
    }

    [Fact]
    public void Dispose_and_Change_reschedule_or_cancel_a_timer()
    {
        var clock = new ManualTimeProvider();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, fired);
        timer.Dispose();
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, fired);
    }

    [Fact]
    public void NextDueTime_tells_when_the_earliest_timer_fires()
    {
        var clock = new ManualTimeProvider();
        var start = clock.GetUtcNow();
        Assert.Null(clock.NextDueTime);
        using var late = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(9), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.Equal(start + TimeSpan.FromSeconds(2), clock.NextDueTime);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(start + TimeSpan.FromSeconds(6), clock.NextDueTime);
        early.Dispose();
        Assert.Equal(start + TimeSpan.FromSeconds(9), clock.NextDueTime);
    }

    [Fact]
    public void Timestamps_follow_the_clock()
    {
        var clock = new ManualTimeProvider();
        var before = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(TimeSpan.FromMinutes(3), clock.GetElapsedTime(before));
    }

    [Fact]
    public void Negative_advances_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManualTimeProvider().Advance(TimeSpan.FromSeconds(-1)));
}

public sealed class ManualTimeSchedulerSpec : TestKit
{
    private readonly ManualTimeProvider _clock;

    public ManualTimeSchedulerSpec() : this(new ManualTimeProvider()) { }

    private ManualTimeSchedulerSpec(ManualTimeProvider clock) : base(new ActorSystemSetup { TimeProvider = clock }) => _clock = clock;

    [Fact]
    public void The_scheduler_of_a_system_on_a_manual_clock_delivers_when_the_clock_is_advanced()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(10), TestActor, "later", null);
        _clock.Advance(TimeSpan.FromMinutes(9));
        ExpectNoMsg();
        _clock.Advance(TimeSpan.FromMinutes(1));
        ExpectMsg("later");
    }
}
