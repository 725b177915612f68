namespace ActorProc.TestKit.Internal;

/// <summary>
/// The <c>actorproc.test</c> block of the test system's configuration, read once. Every duration here is
/// already multiplied by <see cref="TimeFactor"/>.
/// </summary>
internal sealed class TestKitSettings
{
    public TestKitSettings(Config config)
    {
        TimeFactor = config.GetDouble("actorproc.test.timefactor");
        if (!(TimeFactor > 0))
            throw new ConfigurationException($"actorproc.test.timefactor: must be a positive number (got {TimeFactor}).");
        SingleExpectDefault = Dilate(config.GetTimeSpan("actorproc.test.single-expect-default"));
        ExpectNoMessageDefault = Dilate(config.GetTimeSpan("actorproc.test.expect-no-message-default"));
        DefaultTimeout = Dilate(config.GetTimeSpan("actorproc.test.default-timeout"));
    }

    /// <summary>Multiplier for every timeout (<c>actorproc.test.timefactor</c>).</summary>
    public double TimeFactor { get; }

    /// <summary>Default wait of ExpectMsg and friends, dilated.</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary>Default wait of ExpectNoMsg, dilated.</summary>
    public TimeSpan ExpectNoMessageDefault { get; }

    /// <summary>Default limit of Within, AwaitAssert and the test system's shutdown, dilated.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>Multiplies a duration by the time factor; infinite stays infinite.</summary>
    public TimeSpan Dilate(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan || duration == TimeSpan.MaxValue ? duration : duration * TimeFactor;
}
