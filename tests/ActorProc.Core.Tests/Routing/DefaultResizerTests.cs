using ActorProc.Core.Routing;

namespace ActorProc.Core.Tests.Routing;

public sealed class DefaultResizerTests
{
    private static readonly DefaultResizer Resizer = new(lowerBound: 2, upperBound: 10);

    [Theory]
    // size, busy, expected change (defaults: rampup 0.2, backoff below 30% busy by 0.1 of the size, at least one)
    [InlineData(5, 5, 1)]    // all busy: +ceil(0.2 × 5)
    [InlineData(6, 6, 2)]    // all busy: +ceil(0.2 × 6)
    [InlineData(9, 9, 1)]    // would grow by 2, clamped to the upper bound 10
    [InlineData(10, 10, 0)]  // at the upper bound
    [InlineData(5, 4, 0)]    // busy but not all: hold
    [InlineData(5, 2, 0)]    // 40% busy: above the backoff threshold
    [InlineData(5, 1, -1)]   // 20% busy: shrink by ceil(0.1 × 5)
    [InlineData(10, 0, -1)]  // idle: shrink by 1
    [InlineData(2, 0, 0)]    // idle at the lower bound
    [InlineData(1, 0, 1)]    // below the lower bound: grow to it
    [InlineData(0, 0, 2)]    // empty: grow to the lower bound
    [InlineData(14, 14, -4)] // above the upper bound (e.g. nr-of-instances too large): back to it
    public void Capacity_grows_when_all_are_busy_shrinks_when_idle_and_stays_within_bounds(int size, int busy, int expected) =>
        Assert.Equal(expected, Resizer.Capacity(size, busy));

    [Fact]
    public void Rampup_and_backoff_follow_their_rates()
    {
        var resizer = new DefaultResizer(1, 100, rampupRate: 0.5, backoffThreshold: 0.5, backoffRate: 0.25);

        Assert.Equal(5, resizer.Rampup(10, 10));
        Assert.Equal(0, resizer.Rampup(9, 10));
        Assert.Equal(-3, resizer.Backoff(4, 10));
        Assert.Equal(0, resizer.Backoff(5, 10));
        Assert.Equal(-3, resizer.Filter(4, 10));
    }

    [Fact]
    public void A_zero_backoff_rate_or_threshold_never_shrinks()
    {
        Assert.Equal(0, new DefaultResizer(1, 10, backoffRate: 0).Capacity(8, 0));
        Assert.Equal(0, new DefaultResizer(1, 10, backoffThreshold: 0).Capacity(8, 0));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(20, true)]
    public void A_resize_is_due_every_messages_per_resize_messages(long counter, bool due) =>
        Assert.Equal(due, Resizer.IsTimeForResize(counter));

    [Theory]
    [InlineData(-1, 5, 1, 0.2, 0.3, 0.1, 10, "lowerBound")]
    [InlineData(3, 2, 1, 0.2, 0.3, 0.1, 10, "upperBound")]
    [InlineData(0, 0, 1, 0.2, 0.3, 0.1, 10, "upperBound")]
    [InlineData(1, 5, -1, 0.2, 0.3, 0.1, 10, "pressureThreshold")]
    [InlineData(1, 5, 1, -0.1, 0.3, 0.1, 10, "rampupRate")]
    [InlineData(1, 5, 1, 0.2, 1.1, 0.1, 10, "backoffThreshold")]
    [InlineData(1, 5, 1, 0.2, 0.3, -1, 10, "backoffRate")]
    [InlineData(1, 5, 1, 0.2, 0.3, 0.1, 0, "messagesPerResize")]
    public void Invalid_settings_are_rejected_naming_the_parameter(int lower, int upper, int pressure, double rampup, double backoffThreshold, double backoffRate, int perResize, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DefaultResizer(lower, upper, pressure, rampup, backoffThreshold, backoffRate, perResize));
        Assert.Equal(parameter, error.ParamName);
    }
}
