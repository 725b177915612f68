using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Tests;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[] { 7 }, 7)]
    public void Median_is_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double expected) =>
        Assert.Equal(expected, Statistics.Median(values));

    [Fact]
    public void Median_of_nothing_is_not_a_number() => Assert.True(double.IsNaN(Statistics.Median([])));

    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Percentile_uses_the_nearest_rank(double percentile, long expected)
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (long)i).ToArray();

        Assert.Equal(expected, Statistics.PercentileOfSorted(sorted, percentile));
    }

    [Fact]
    public void Ratio_with_a_zero_denominator_is_not_a_number() => Assert.True(double.IsNaN(Statistics.Ratio(1, 0)));
}
