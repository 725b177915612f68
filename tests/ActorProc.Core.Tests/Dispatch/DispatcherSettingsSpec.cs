using ActorProc.Core.Actors;
using ActorProc.Core.Dispatch;

namespace ActorProc.Core.Tests.Dispatch;

/// <summary>The thread count of a dedicated dispatcher: clamp(ceil(cores × factor), min, max).</summary>
public sealed class DispatcherSettingsSpec
{
    [Theory]
    [InlineData(8, 1, 1.0, 64, 8)]    // the default: one thread per core
    [InlineData(8, 1, 0.5, 64, 4)]
    [InlineData(6, 1, 0.5, 64, 3)]
    [InlineData(5, 1, 0.5, 64, 3)]    // ceil(2.5)
    [InlineData(1, 1, 0.1, 64, 1)]    // ceil(0.1) = 1
    [InlineData(2, 4, 1.0, 64, 4)]    // min wins on small machines
    [InlineData(128, 1, 1.0, 64, 64)] // max wins on big ones
    [InlineData(16, 2, 2.0, 20, 20)]
    [InlineData(3, 3, 1.0, 3, 3)]
    public void The_thread_count_follows_cores_factor_min_and_max(int cores, int min, double factor, int max, int expected) =>
        Assert.Equal(expected, DispatcherSettings.ComputeThreadCount(cores, min, factor, max));

    [Theory]
    [InlineData(0, 1.0, 4, "my-dispatcher.parallelism-min")]
    [InlineData(4, 1.0, 2, "my-dispatcher.parallelism-max")]
    [InlineData(1, 0.0, 4, "my-dispatcher.parallelism-factor")]
    [InlineData(1, -1.0, 4, "my-dispatcher.parallelism-factor")]
    [InlineData(1, double.NaN, 4, "my-dispatcher.parallelism-factor")]
    public void Invalid_settings_are_rejected_naming_the_key(int min, double factor, int max, string key)
    {
        var e = Assert.Throws<ActorConfigurationException>(() => DispatcherSettings.ComputeThreadCount(8, min, factor, max, "my-dispatcher"));
        Assert.StartsWith(key, e.Message);
    }
}
