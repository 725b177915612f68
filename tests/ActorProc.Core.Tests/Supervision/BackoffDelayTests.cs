using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

/// <summary>The backoff delay as a pure function: min(max, min × 2^n) × (1 + random × randomFactor).</summary>
public sealed class BackoffDelayTests
{
    public static TheoryData<int, int, int, double, double, double> Delays => new()
    {
        // restartCount, minMs, maxMs, randomFactor, random, expectedMs
        { 0, 100, 10_000, 0.0, 0.0, 100 },
        { 1, 100, 10_000, 0.0, 0.0, 200 },
        { 2, 100, 10_000, 0.0, 0.0, 400 },
        { 6, 100, 10_000, 0.0, 0.0, 6_400 },
        { 7, 100, 10_000, 0.0, 0.0, 10_000 },   // 12,800 is capped at max
        { 40, 100, 10_000, 0.0, 0.0, 10_000 },
        { 0, 100, 10_000, 0.5, 1.0, 150 },      // jitter multiplies by up to 1 + randomFactor
        { 0, 100, 10_000, 0.5, 0.5, 125 },
        { 3, 100, 10_000, 1.0, 0.25, 1_000 },
        { 7, 100, 10_000, 0.2, 1.0, 12_000 },   // jitter applies after the cap, like Akka
        { 0, 100, 10_000, 1.0, 0.0, 100 },
        { 3, 1_000, 1_000, 0.0, 0.0, 1_000 },   // min == max: constant delay
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public void Delay_doubles_from_the_minimum_up_to_the_maximum_then_adds_jitter(int restartCount, int minMs, int maxMs, double randomFactor, double random, double expectedMs)
    {
        var delay = BackoffSupervisor.CalculateDelay(restartCount, TimeSpan.FromMilliseconds(minMs), TimeSpan.FromMilliseconds(maxMs), randomFactor, random);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Huge_restart_counts_do_not_overflow()
    {
        var delay = BackoffSupervisor.CalculateDelay(int.MaxValue, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), 0.0, 0.0);

        Assert.Equal(TimeSpan.FromMinutes(5), delay);
    }

    [Fact]
    public void A_delay_beyond_TimeSpan_range_is_clamped()
    {
        var delay = BackoffSupervisor.CalculateDelay(60, TimeSpan.FromDays(1), TimeSpan.MaxValue, 1.0, 1.0);

        Assert.Equal(TimeSpan.MaxValue, delay);
    }

    [Fact]
    public void The_random_overload_stays_within_the_jitter_bounds()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var delay = BackoffSupervisor.CalculateDelay(2, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), 0.3);

            Assert.InRange(delay, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(520));
        }
    }

    public static TheoryData<int, int, int, double, double, string> InvalidArguments => new()
    {
        { -1, 100, 1_000, 0.0, 0.0, "restartCount" },
        { 0, 0, 1_000, 0.0, 0.0, "minBackoff" },
        { 0, -5, 1_000, 0.0, 0.0, "minBackoff" },
        { 0, 100, 99, 0.0, 0.0, "maxBackoff" },
        { 0, 100, 1_000, -0.1, 0.0, "randomFactor" },
        { 0, 100, 1_000, 1.1, 0.0, "randomFactor" },
        { 0, 100, 1_000, double.NaN, 0.0, "randomFactor" },
        { 0, 100, 1_000, 0.5, 1.5, "random" },
        { 0, 100, 1_000, 0.5, -0.5, "random" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void Out_of_range_arguments_are_rejected_naming_the_parameter(int restartCount, int minMs, int maxMs, double randomFactor, double random, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            BackoffSupervisor.CalculateDelay(restartCount, TimeSpan.FromMilliseconds(minMs), TimeSpan.FromMilliseconds(maxMs), randomFactor, random));

        Assert.Equal(parameter, e.ParamName);
    }
}
