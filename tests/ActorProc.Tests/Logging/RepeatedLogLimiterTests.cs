using Akka.Event;
using ActorProc.Logging;

namespace ActorProc.Tests.Logging;

/// <summary>The rate-limiting stage of <see cref="StandardErrorLogger"/>, on a clock the tests move by hand.</summary>
public sealed class RepeatedLogLimiterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private DateTime _now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly List<LogEvent> _written = [];

    private RepeatedLogLimiter NewLimiter() => new(Interval, ["actorproc cluster:"], () => _now);

    private static LogEvent ChannelError(Exception cause, int port) =>
        new Error(cause, "TcpServerHandler", typeof(RepeatedLogLimiterTests), $"Error caught channel [{port}]");

    /// <summary>A distinct name without digits (digits are folded in plain messages).</summary>
    private static string Letters(int i) => i < 26 ? ((char)('a' + i)).ToString() : Letters(i / 26 - 1) + (char)('a' + i % 26);

    [Fact]
    public void The_first_event_of_a_kind_is_written_and_repeats_within_the_interval_are_counted_into_one_summary()
    {
        var limiter = NewLimiter();
        for (var port = 0; port < 200; port++)
        {
            limiter.Offer(ChannelError(new InvalidDataException("frame too long"), 40000 + port), _written);
            _now += TimeSpan.FromMilliseconds(10);
        }
        Assert.Single(_written);
        Assert.Contains("[40000]", _written[0].ToString());

        _now += Interval;
        limiter.Flush(_written);

        Assert.Equal(2, _written.Count);
        var summary = _written[1];
        Assert.IsType<Error>(summary);
        Assert.Equal("Error caught channel [40199]: System.IO.InvalidDataException: frame too long (199 more in the last 10 s)", summary.Message);
        Assert.Equal(0, limiter.TrackedKinds);
    }

    [Fact]
    public void Kinds_differ_by_exception_type_so_each_kind_of_rejection_gets_its_own_line()
    {
        var limiter = NewLimiter();
        for (var i = 0; i < 5; i++)
        {
            limiter.Offer(ChannelError(new InvalidDataException("too long"), i), _written);
            limiter.Offer(ChannelError(new FormatException("corrupt"), i), _written);
            limiter.Offer(ChannelError(new AggregateException(new UnauthorizedAccessException("bad cert")), i), _written);
        }

        Assert.Equal(3, _written.Count);
        _now += Interval;
        limiter.Flush(_written);
        Assert.Equal(6, _written.Count);
        Assert.All(_written.Skip(3), summary => Assert.EndsWith("(4 more in the last 10 s)", summary.Message.ToString()));
    }

    [Fact]
    public void Plain_string_messages_that_differ_only_in_numbers_are_one_kind()
    {
        var limiter = NewLimiter();
        limiter.Offer(new Warning("src", typeof(string), "Mutual TLS required but client did not provide a certificate from [::ffff:127.0.0.1]:36148"), _written);
        limiter.Offer(new Warning("src", typeof(string), "Mutual TLS required but client did not provide a certificate from [::ffff:127.0.0.1]:36150"), _written);
        limiter.Offer(new Warning("src", typeof(string), "Something else entirely"), _written);

        Assert.Equal(2, _written.Count);
    }

    [Fact]
    public void An_event_after_the_interval_writes_the_pending_summary_first_then_itself()
    {
        var limiter = NewLimiter();
        limiter.Offer(new Warning("src", typeof(string), "disk slow"), _written);
        limiter.Offer(new Warning("src", typeof(string), "disk slow"), _written);
        _now += Interval;
        limiter.Offer(new Warning("src", typeof(string), "disk slow"), _written);

        Assert.Equal(["disk slow", "disk slow (1 more in the last 10 s)", "disk slow"], _written.Select(e => e.Message.ToString()));
    }

    [Fact]
    public void Info_and_debug_lines_are_never_limited()
    {
        var limiter = NewLimiter();
        for (var i = 0; i < 10; i++)
        {
            limiter.Offer(new Info("src", typeof(string), "member up"), _written);
            limiter.Offer(new Debug("src", typeof(string), "tick"), _written);
        }

        Assert.Equal(20, _written.Count);
        Assert.Equal(0, limiter.TrackedKinds);
    }

    [Fact]
    public void Flushing_everything_on_stop_loses_no_count_and_a_kind_without_repeats_leaves_no_summary()
    {
        var limiter = NewLimiter();
        limiter.Offer(new Warning("src", typeof(string), "once"), _written);
        limiter.Offer(new Warning("src", typeof(string), "twice"), _written);
        limiter.Offer(new Warning("src", typeof(string), "twice"), _written);

        limiter.Flush(_written, all: true);

        Assert.Equal(["once", "twice", "twice (1 more in the last 10 s)"], _written.Select(e => e.Message.ToString()));
        Assert.Equal(0, limiter.TrackedKinds);
    }

    [Fact]
    public void Tracked_kinds_are_bounded_and_kinds_beyond_the_bound_pass_unlimited()
    {
        var limiter = NewLimiter();
        for (var i = 0; i < RepeatedLogLimiter.MaxKinds + 10; i++)
            limiter.Offer(new Warning("src", typeof(string), "kind " + Letters(i)), _written);
        var written = _written.Count;
        limiter.Offer(new Warning("src", typeof(string), "beyond the table"), _written);
        limiter.Offer(new Warning("src", typeof(string), "beyond the table"), _written);

        Assert.Equal(RepeatedLogLimiter.MaxKinds, limiter.TrackedKinds);
        Assert.Equal(written + 2, _written.Count);
    }

    [Theory]
    [InlineData("actorproc.logging.repeat-interval = 3s", 3.0)]
    [InlineData("actorproc.logging.repeat-interval = off", null)]
    [InlineData("actorproc.logging.repeat-interval = 0s", null)]
    [InlineData("", 10.0)] // a user's own system without actorproc.conf
    public void The_logger_reads_its_repeat_interval_from_config(string hocon, double? seconds)
    {
        var interval = StandardErrorLogger.RepeatInterval(Akka.Configuration.ConfigurationFactory.ParseString(hocon));

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, interval);
    }

    [Fact]
    public void The_default_repeat_interval_in_code_and_in_actorproc_conf_agree()
    {
        Assert.Equal(StandardErrorLogger.DefaultRepeatInterval, StandardErrorLogger.RepeatInterval(ActorProc.Configuration.ActorProcConfig.Defaults));
    }

    [Fact]
    public void Warnings_with_a_never_limited_prefix_are_all_written_and_not_tracked()
    {
        var limiter = NewLimiter();
        limiter.Offer(new Warning("membership", typeof(string), "actorproc cluster: member unreachable: akka.tcp://actorproc@10.0.0.5:4053 [worker]"), _written);
        limiter.Offer(new Warning("membership", typeof(string), "actorproc cluster: member unreachable: akka.tcp://actorproc@10.0.0.6:4053 [worker]"), _written);

        Assert.Equal(2, _written.Count);
        Assert.Equal(0, limiter.TrackedKinds);
    }

    [Fact]
    public void The_never_limited_prefixes_in_code_and_in_actorproc_conf_agree()
    {
        Assert.Equal(StandardErrorLogger.DefaultNeverLimit, StandardErrorLogger.NeverLimit(ActorProc.Configuration.ActorProcConfig.Defaults));
    }
}
