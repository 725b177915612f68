namespace ActorProc.TestKit.Tests;

public sealed class TestKitSettingsSpec
{
    private sealed class Kit(string? config = null, string? name = null) : TestKit(config, name);

    private sealed class SetupKit(ActorSystemSetup setup) : TestKit(setup);

    [Fact]
    public void Dilated_multiplies_by_the_configured_time_factor()
    {
        using var kit = new Kit("actorproc.test.timefactor = 2.5");
        Assert.Equal(2.5, kit.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(2.5), kit.Dilated(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_environment_overrides_the_time_factor()
    {
        using var kit = new SetupKit(new ActorSystemSetup
        {
            Config = Config.Parse("actorproc.test.timefactor = 2"),
            Environment = new Dictionary<string, string?> { ["ACTORPROC__TEST__TIMEFACTOR"] = "3" },
        });
        Assert.Equal(3.0, kit.TimeFactor);
        // Within's limit is dilated too: 10 ms × 3 bounds the expectation inside.
        var e = Assert.Throws<TestKitAssertionException>(() => kit.Within(TimeSpan.FromMilliseconds(10), () => kit.ExpectMsg<string>(TimeSpan.FromSeconds(1))));
        var waited = int.Parse(System.Text.RegularExpressions.Regex.Match(e.Message, @"within (\d+) ms").Groups[1].Value);
        Assert.InRange(waited, 0, 30);
    }

    [Fact]
    public void A_non_positive_time_factor_is_rejected_with_the_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => new Kit("actorproc.test.timefactor = 0"));
        Assert.Contains("actorproc.test.timefactor", e.Message);
    }

    [Fact]
    public void The_system_is_named_after_the_test_class_unless_a_name_is_given()
    {
        using var unnamed = new Kit();
        Assert.Equal("Kit", unnamed.Sys.Name);
        using var named = new Kit(name: "custom");
        Assert.Equal("custom", named.Sys.Name);
    }

    [Theory]
    [InlineData("MySpec", "MySpec")]
    [InlineData("Generic`1", "Generic-1")]
    [InlineData("<>c__Display", "c__Display")]
    [InlineData("Ünïcode", "n-code")]
    [InlineData("___", "test")]
    public void Class_names_are_sanitized_into_system_names(string className, string expected) =>
        Assert.Equal(expected, TestKit.SanitizedName(className));

    [Fact]
    public void Dispose_terminates_the_system()
    {
        var kit = new Kit();
        kit.Dispose();
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
        kit.Dispose(); // idempotent
    }

    [Fact]
    public void Dispose_does_not_hang_when_an_actor_blocks_and_the_clock_is_frozen()
    {
        var clock = new ManualTimeProvider();
        using var release = new ManualResetEventSlim();
        var kit = new SetupKit(new ActorSystemSetup { TimeProvider = clock, Config = Config.Parse("actorproc.test.default-timeout = 200ms") });
        var blocker = kit.Sys.ActorOf(Props.Create(() => new Blocker(release)).WithDispatcher("pinned"));
        blocker.Tell("block", kit.TestActor);
        kit.ExpectMsg("blocking");
        kit.Dispose(); // returns after ~200 ms with a warning instead of waiting for the frozen shutdown deadline
        Assert.False(kit.Sys.WhenTerminated.IsCompleted);
        release.Set();
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim release) => Receive<string>(_ =>
        {
            Sender.Tell("blocking", Self);
            release.Wait(); // deliberately blocks its pinned thread: the situation under test
        });
    }
}
