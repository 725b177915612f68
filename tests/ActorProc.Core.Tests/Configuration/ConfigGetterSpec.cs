using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class ConfigGetterSpec
{
    private static readonly Config Sample = Config.Parse("""
        actorproc {
          name = sample
          count = 42
          big = 9000000000
          ratio = 0.75
          quoted-number = "17"
          whole-double = 5.0
          flag = on
          timeout = 5s
          size = 64KiB
          list = [a, b, 3]
          nothing = null
          workers = [{ name = w1 }, { name = w2 }]
          actor.default-dispatcher.throughput = 5
        }
        """, "file.conf");

    [Fact]
    public void Typed_getters_read_each_kind_of_value()
    {
        Assert.Equal("sample", Sample.GetString("actorproc.name"));
        Assert.Equal(42, Sample.GetInt("actorproc.count"));
        Assert.Equal(9_000_000_000L, Sample.GetLong("actorproc.big"));
        Assert.Equal(0.75, Sample.GetDouble("actorproc.ratio"));
        Assert.Equal(17, Sample.GetInt("actorproc.quoted-number"));
        Assert.Equal(5, Sample.GetInt("actorproc.whole-double"));
        Assert.True(Sample.GetBoolean("actorproc.flag"));
        Assert.Equal(TimeSpan.FromSeconds(5), Sample.GetTimeSpan("actorproc.timeout"));
        Assert.Equal(65536L, Sample.GetByteSize("actorproc.size"));
        Assert.Equal(["a", "b", "3"], Sample.GetStringList("actorproc.list"));
        Assert.Equal("42", Sample.GetString("actorproc.count"));
        Assert.Equal(["w1", "w2"], Sample.GetConfigList("actorproc.workers").Select(w => w.GetString("name")));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("\"TRUE\"", true)]
    public void Booleans_accept_true_false_on_off_yes_no(string written, bool expected)
    {
        Assert.Equal(expected, Config.Parse($"b = {written}").GetBoolean("b"));
    }

    [Theory]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("1m", TimeSpan.TicksPerMinute)]
    [InlineData("2h", 2 * TimeSpan.TicksPerHour)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("10us", 100)]
    [InlineData("100ns", 1)]
    [InlineData("5 seconds", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("3 minutes", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("1 day", TimeSpan.TicksPerDay)]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("750", 750 * TimeSpan.TicksPerMillisecond)]
    [InlineData("\"20 millis\"", 20 * TimeSpan.TicksPerMillisecond)]
    [InlineData("infinite", -TimeSpan.TicksPerMillisecond)]
    public void Durations_accept_short_and_long_units_and_bare_milliseconds(string written, long expectedTicks)
    {
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), Config.Parse($"d = {written}").GetTimeSpan("d"));
    }

    [Fact]
    public void Infinite_duration_is_the_infinite_timeout()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, Config.Parse("d = infinite").GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("512B", 512L)]
    [InlineData("512", 512L)]
    [InlineData("10kB", 10_000L)]
    [InlineData("1MB", 1_000_000L)]
    [InlineData("64KiB", 65_536L)]
    [InlineData("1MiB", 1_048_576L)]
    [InlineData("1GiB", 1_073_741_824L)]
    [InlineData("2 bytes", 2L)]
    [InlineData("1.5KiB", 1_536L)]
    [InlineData("1 TiB", 1_099_511_627_776L)]
    public void Byte_sizes_accept_decimal_and_binary_units(string written, long expected)
    {
        Assert.Equal(expected, Config.Parse($"s = {written}").GetByteSize("s"));
    }

    [Fact]
    public void Defaults_are_returned_only_when_the_path_is_missing_or_null()
    {
        Assert.Equal("d", Sample.GetString("actorproc.missing", "d"));
        Assert.Equal(7, Sample.GetInt("actorproc.nothing", 7));
        Assert.Equal(8L, Sample.GetLong("nope.nope", 8L));
        Assert.Equal(0.5, Sample.GetDouble("actorproc.missing", 0.5));
        Assert.True(Sample.GetBoolean("actorproc.missing", true));
        Assert.Equal(TimeSpan.FromSeconds(1), Sample.GetTimeSpan("actorproc.missing", TimeSpan.FromSeconds(1)));
        Assert.Equal(99L, Sample.GetByteSize("actorproc.missing", 99L));
        Assert.Equal(42, Sample.GetInt("actorproc.count", 7));
        Assert.Throws<ConfigurationException>(() => Sample.GetInt("actorproc.name", 7));
    }

    [Fact]
    public void A_wrong_type_names_the_path_where_it_was_set_and_what_was_expected()
    {
        var config = Config.Parse("actorproc {\n  y = 1\n  x = abc\n}", "file.conf");

        var ex = Assert.Throws<ConfigurationException>(() => config.GetInt("actorproc.x"));

        Assert.Equal("file.conf:3:7: expected a number at actorproc.x (set at file.conf:3:7) but found string 'abc'", ex.Message);
        Assert.Equal(("actorproc.x", "file.conf", 3, 7), (ex.Path, ex.File, ex.Line, ex.Column));
    }

    [Theory]
    [InlineData("GetInt", "actorproc.ratio", "file.conf:5:11: expected a 32-bit integer at actorproc.ratio (set at file.conf:5:11) but found number '0.75': not a whole number")]
    [InlineData("GetInt", "actorproc.big", "file.conf:4:9: expected a 32-bit integer at actorproc.big (set at file.conf:4:9) but found number '9000000000': out of range")]
    [InlineData("GetString", "actorproc.list", "file.conf:11:10: expected a string at actorproc.list (set at file.conf:11:10) but found an array")]
    [InlineData("GetBoolean", "actorproc.name", "file.conf:2:10: expected a boolean (true/false, on/off, yes/no) at actorproc.name (set at file.conf:2:10) but found string 'sample'")]
    [InlineData("GetDouble", "actorproc.workers", "file.conf:13:13: expected a number at actorproc.workers (set at file.conf:13:13) but found an array")]
    [InlineData("GetStringList", "actorproc.workers", "file.conf:13:14: expected a string at actorproc.workers[0] (set at file.conf:13:14) but found an object")]
    [InlineData("GetConfigList", "actorproc.list", "file.conf:11:11: expected an object at actorproc.list[0] (set at file.conf:11:11) but found string 'a'")]
    [InlineData("GetConfig", "actorproc.count", "file.conf:3:11: expected an object at actorproc.count (set at file.conf:3:11) but found number '42'")]
    [InlineData("GetInt", "actorproc.name.deeper", "file.conf:2:10: expected an object at actorproc.name (set at file.conf:2:10) but found string 'sample'")]
    [InlineData("GetTimeSpan", "actorproc.size", "file.conf:10:10: expected a duration (e.g. 250ms, 5s, 2m, infinite) at actorproc.size (set at file.conf:10:10) but found string '64KiB': unknown unit 'KiB' (use ns, us, ms, s, m, h or d, or their long forms like 'seconds')")]
    [InlineData("GetByteSize", "actorproc.timeout", "file.conf:9:13: expected a byte size (e.g. 512B, 64KiB, 1MiB, 10kB) at actorproc.timeout (set at file.conf:9:13) but found string '5s': unknown unit 's' (use B, kB, MB, GB, TB for powers of 1000 or KiB, MiB, GiB, TiB for powers of 1024)")]
    [InlineData("GetTimeSpan", "actorproc.name", "file.conf:2:10: expected a duration (e.g. 250ms, 5s, 2m, infinite) at actorproc.name (set at file.conf:2:10) but found string 'sample': it does not start with a number")]
    public void Wrong_types_and_bad_units_are_reported_precisely(string getter, string path, string expected)
    {
        Action read = getter switch
        {
            "GetInt" => () => Sample.GetInt(path),
            "GetString" => () => Sample.GetString(path),
            "GetBoolean" => () => Sample.GetBoolean(path),
            "GetDouble" => () => Sample.GetDouble(path),
            "GetStringList" => () => Sample.GetStringList(path),
            "GetConfigList" => () => Sample.GetConfigList(path),
            "GetConfig" => () => Sample.GetConfig(path),
            "GetTimeSpan" => () => Sample.GetTimeSpan(path),
            "GetByteSize" => () => Sample.GetByteSize(path),
            _ => throw new ArgumentOutOfRangeException(nameof(getter)),
        };

        Assert.Equal(expected, Assert.Throws<ConfigurationException>(read).Message);
    }

    [Theory]
    [InlineData("actorproc.actor.default-dispatcher.thruput", "missing configuration value at actorproc.actor.default-dispatcher.thruput (no key 'thruput' in actorproc.actor.default-dispatcher)")]
    [InlineData("akka.x", "missing configuration value at akka.x (no key 'akka' at the root)")]
    [InlineData("actorproc.nothing", "missing configuration value at actorproc.nothing (it is set to null)")]
    public void A_missing_path_names_the_full_path_and_how_far_it_existed(string path, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Sample.GetInt(path));

        Assert.Equal(expected, ex.Message);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void A_sub_config_reports_full_paths_in_errors()
    {
        var dispatcher = Sample.GetConfig("actorproc.actor.default-dispatcher");

        var missing = Assert.Throws<ConfigurationException>(() => dispatcher.GetTimeSpan("shutdown-timeout"));
        var wrong = Assert.Throws<ConfigurationException>(() => Sample.GetConfig("actorproc").GetInt("name"));

        Assert.Equal(5, dispatcher.GetInt("throughput"));
        Assert.Equal("actorproc.actor.default-dispatcher", dispatcher.RootPath);
        Assert.Equal("actorproc.actor.default-dispatcher.shutdown-timeout", missing.Path);
        Assert.Contains("at actorproc.name (set at file.conf:2:10)", wrong.Message);
    }

    [Fact]
    public void GetConfig_of_a_missing_path_is_an_empty_config_rooted_there()
    {
        var missing = Sample.GetConfig("actorproc.not.there");

        Assert.True(missing.IsEmpty);
        Assert.Equal("actorproc.not.there", missing.RootPath);
        Assert.Equal("actorproc.not.there.x", Assert.Throws<ConfigurationException>(() => missing.GetInt("x")).Path);
    }

    [Fact]
    public void HasPath_is_false_for_missing_null_and_paths_through_scalars()
    {
        Assert.True(Sample.HasPath("actorproc.count"));
        Assert.True(Sample.HasPath("actorproc.actor"));
        Assert.False(Sample.HasPath("actorproc.nothing"));
        Assert.False(Sample.HasPath("actorproc.count.deeper"));
        Assert.False(Sample.HasPath("missing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("a{b")]
    public void A_malformed_path_expression_is_an_argument_error(string path)
    {
        Assert.Throws<ArgumentException>(() => Sample.HasPath(path));
    }

    [Fact]
    public void WithFallback_lets_the_receiver_win_and_merges_objects_deeply()
    {
        var user = Config.Parse("a { x = 1, nested { p = user } }\nonly-user = 1");
        var reference = Config.Parse("a { x = 0, y = 2, nested { p = ref, q = ref } }\nonly-ref = 2");

        var merged = user.WithFallback(reference);

        Assert.Equal((1, 2), (merged.GetInt("a.x"), merged.GetInt("a.y")));
        Assert.Equal(("user", "ref"), (merged.GetString("a.nested.p"), merged.GetString("a.nested.q")));
        Assert.Equal((1, 2), (merged.GetInt("only-user"), merged.GetInt("only-ref")));
        Assert.Equal(0, reference.GetInt("a.x"));
        Assert.Equal(user.ToString(), user.WithFallback(Config.Empty).ToString());
        Assert.Equal(reference.ToString(), Config.Empty.WithFallback(reference).ToString());
        Assert.True(Config.Empty.IsEmpty);
        Assert.Equal("", Config.Empty.RootPath);
    }

    [Fact]
    public void Getters_are_safe_to_call_from_many_threads()
    {
        Parallel.For(0, 2000, i =>
        {
            Assert.Equal(42, Sample.GetInt("actorproc.count"));
            Assert.Equal(5, Sample.GetConfig("actorproc.actor.default-dispatcher").GetInt("throughput"));
        });
    }
}
