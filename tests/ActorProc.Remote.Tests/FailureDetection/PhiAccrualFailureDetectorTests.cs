using ActorProc.Remote.FailureDetection;

namespace ActorProc.Remote.Tests.FailureDetection;

/// <summary>The phi-accrual math, with explicit timestamps (no clock).</summary>
public sealed class PhiAccrualFailureDetectorTests
{
    private static PhiAccrualFailureDetector Detector(double threshold = 8, int samples = 100, int minStdMs = 10, int pauseMs = 0, int firstMs = 1000) =>
        new(threshold, samples, TimeSpan.FromMilliseconds(minStdMs), TimeSpan.FromMilliseconds(pauseMs), TimeSpan.FromMilliseconds(firstMs));

    [Fact]
    public void Phi_is_zero_and_the_node_available_before_any_heartbeat()
    {
        var detector = Detector();
        Assert.False(detector.IsMonitoring);
        Assert.Equal(0, detector.Phi(123_456));
        Assert.True(detector.IsAvailable(123_456));
    }

    [Fact]
    public void Phi_grows_with_the_time_since_the_last_heartbeat()
    {
        var detector = Detector();
        for (long t = 0; t <= 10_000; t += 1000) detector.Heartbeat(t);
        var phis = new[] { 10_500, 11_000, 11_500, 12_000, 13_000 }.Select(t => detector.Phi(t)).ToArray();
        for (var i = 1; i < phis.Length; i++) Assert.True(phis[i] > phis[i - 1], $"phi must grow: {string.Join(", ", phis)}");
        Assert.True(detector.IsAvailable(11_000));
        Assert.False(detector.IsAvailable(13_000));
    }

    [Fact]
    public void Phi_at_the_mean_interval_is_about_0_3()
    {
        // At the mean, P(later) = 0.5, so phi = -log10(0.5) ≈ 0.301.
        Assert.Equal(0.301, PhiAccrualFailureDetector.PhiOf(1000, 1000, 100), 2);
    }

    [Fact]
    public void Phi_matches_the_normal_tail_a_few_deviations_out()
    {
        // Two deviations: P ≈ 0.0228 → phi ≈ 1.64; three: P ≈ 0.00135 → phi ≈ 2.87.
        Assert.Equal(1.64, PhiAccrualFailureDetector.PhiOf(1200, 1000, 100), 1);
        Assert.Equal(2.87, PhiAccrualFailureDetector.PhiOf(1300, 1000, 100), 1);
    }

    [Fact]
    public void The_acceptable_pause_delays_suspicion()
    {
        var strict = Detector();
        var lenient = Detector(pauseMs: 3000);
        for (long t = 0; t <= 10_000; t += 1000)
        {
            strict.Heartbeat(t);
            lenient.Heartbeat(t);
        }
        Assert.False(strict.IsAvailable(14_000));
        Assert.True(lenient.IsAvailable(14_000));
    }

    [Fact]
    public void The_minimum_deviation_keeps_a_perfectly_regular_history_from_being_oversensitive()
    {
        var detector = Detector(minStdMs: 200);
        for (long t = 0; t <= 100_000; t += 1000) detector.Heartbeat(t);
        Assert.True(detector.StdDeviationMs < 50); // the history itself is nearly constant
        Assert.True(detector.IsAvailable(101_300));
    }

    [Fact]
    public void The_history_is_bounded_by_the_sample_size()
    {
        var detector = Detector(samples: 3);
        long t = 0;
        foreach (var interval in new[] { 100, 100, 100, 5000, 5000, 5000 }) detector.Heartbeat(t += interval);
        Assert.Equal(5000, detector.MeanMs, 3); // only the last three intervals count
    }

    [Fact]
    public void The_first_heartbeat_estimate_seeds_the_mean()
    {
        var detector = Detector(firstMs: 400);
        detector.Heartbeat(0);
        Assert.Equal(400, detector.MeanMs, 3);
        Assert.Equal(100, detector.StdDeviationMs, 3);
    }
}
