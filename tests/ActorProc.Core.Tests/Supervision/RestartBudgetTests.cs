using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

/// <summary>The restart-intensity rule on its own: maxNrOfRetries restarts within withinTimeRange.</summary>
public sealed class RestartBudgetTests
{
    private static readonly long Minute = TimeSpan.FromMinutes(1).Ticks;
    private const long T0 = 1_000_000_000L;

    public static TheoryData<string, int, TimeSpan, int, long, long, bool, int, long> Cases => new()
    {
        // name, max, window, count, windowStart, now, allowed, newCount, newWindowStart
        { "unlimited ignores the count", -1, TimeSpan.FromMinutes(1), 1_000, T0, T0, true, 1_000, T0 },
        { "zero never restarts", 0, TimeSpan.FromMinutes(1), 0, 0, T0, false, 0, 0 },
        { "first restart opens a window", 3, TimeSpan.FromMinutes(1), 0, 0, T0, true, 1, T0 },
        { "second restart in the window", 3, TimeSpan.FromMinutes(1), 1, T0, T0 + 10, true, 2, T0 },
        { "third restart in the window", 3, TimeSpan.FromMinutes(1), 2, T0, T0 + Minute / 2, true, 3, T0 },
        { "fourth restart in the window is refused", 3, TimeSpan.FromMinutes(1), 3, T0, T0 + Minute / 2, false, 4, T0 },
        { "the window's last tick still counts", 3, TimeSpan.FromMinutes(1), 3, T0, T0 + Minute, false, 4, T0 },
        { "after the window a new one starts", 3, TimeSpan.FromMinutes(1), 3, T0, T0 + Minute + 1, true, 1, T0 + Minute + 1 },
        { "after the window even an exhausted count resets", 1, TimeSpan.FromMinutes(1), 7, T0, T0 + 2 * Minute, true, 1, T0 + 2 * Minute },
        { "no window: the count never resets", 2, Timeout.InfiniteTimeSpan, 1, 0, T0 + 100 * Minute, true, 2, 0 },
        { "no window: past the limit", 2, Timeout.InfiniteTimeSpan, 2, 0, T0 + 100 * Minute, false, 3, 0 },
        { "zero window means no window", 2, TimeSpan.Zero, 2, 0, T0, false, 3, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Request_counts_restarts_within_the_window(string name, int max, TimeSpan window, int count, long windowStart, long now, bool allowed, int newCount, long newWindowStart)
    {
        var result = RestartBudget.Request(max, window, count, windowStart, now);

        Assert.True((allowed, newCount, newWindowStart) == result, $"{name}: got {result}");
    }

    [Fact]
    public void Four_failures_within_a_minute_exhaust_a_budget_of_three()
    {
        var count = 0;
        var windowStart = 0L;
        var verdicts = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            bool ok;
            (ok, count, windowStart) = RestartBudget.Request(3, TimeSpan.FromMinutes(1), count, windowStart, T0 + i * TimeSpan.FromSeconds(10).Ticks);
            verdicts.Add(ok);
        }

        Assert.Equal([true, true, true, false], verdicts);
    }
}
