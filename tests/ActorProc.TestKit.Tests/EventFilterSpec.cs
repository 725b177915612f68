namespace ActorProc.TestKit.Tests;

public sealed class EventFilterSpec : TestKit
{
    private static readonly CapturingLoggerFactory Sink = new();

    public EventFilterSpec() : base(new ActorSystemSetup { LoggerFactory = Sink }) { }

    private sealed class Logging : ReceiveActor
    {
        public Logging()
        {
            var log = Context.GetLogger();
            Receive<string>(s => log.Info("info {0}", s));
            Receive<int>(i => log.Warning("warning {0}", i));
        }
    }

    [Fact]
    public void Exception_filter_sees_the_supervisors_failure_log_and_mutes_it()
    {
        var actor = Sys.ActorOf(Props.Create<ThrowingActor>(), "thrower");
        EventFilter.Exception<InvalidOperationException>(contains: "kaboom-1").ExpectOne(() =>
            actor.Tell(new InvalidOperationException("kaboom-1"), null));
        Assert.DoesNotContain(Sink.Lines, l => l.Exception?.Message == "kaboom-1");
    }

    [Fact]
    public void Exception_filter_ignores_other_exception_types()
    {
        var actor = Sys.ActorOf(Props.Create<ThrowingActor>());
        var e = Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromMilliseconds(500), () =>
            EventFilter.Exception<ArgumentException>().ExpectOne(() => actor.Tell(new InvalidOperationException("other"), null))));
        Assert.Contains("expected 1 event(s) matching Exception<ArgumentException> within", e.Message);
        Assert.EndsWith("but saw 0", e.Message);
    }

    [Fact]
    public void Expect_counts_exactly_and_reports_extras()
    {
        var logger = Sys.ActorOf(Props.Create<Logging>(), "logger");
        EventFilter.Info(contains: "info ").Expect(3, () =>
        {
            logger.Tell("a", null);
            logger.Tell("b", null);
            logger.Tell("c", null);
        });

        var e = Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Info(contains: "info ").ExpectOne(() => { logger.Tell("d", null); logger.Tell("e", null); }));
        Assert.Equal("expected exactly 1 event(s) matching Info(contains: \"info \") but saw 2", e.Message);
    }

    [Fact]
    public async Task Level_filters_match_on_source_and_exact_message()
    {
        var logger = Sys.ActorOf(Props.Create<Logging>(), "src");
        await EventFilter.Warning(message: "warning 7", source: logger.Path.ToString()).ExpectOneAsync(() =>
        {
            logger.Tell(7, null);
            return Task.CompletedTask;
        });
        await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(TimeSpan.FromMilliseconds(300), () =>
            EventFilter.Warning(source: "somewhere-else").ExpectAsync(1, () => { logger.Tell(8, null); return Task.CompletedTask; })));
    }

    [Fact]
    public void DeadLetter_filter_matches_messages_to_stopped_actors()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        EventFilter.DeadLetter<string>(s => s == "too late").ExpectOne(() => echo.Tell("too late", TestActor));
        Assert.DoesNotContain(Sink.Lines, l => l.Message.Contains("String from"));
    }

    [Fact]
    public void Unhandled_filter_matches_unhandled_messages()
    {
        var actor = Sys.ActorOf(Props.Create<StringOnlyActor>());
        EventFilter.Unhandled<int>().ExpectOne(() => actor.Tell(5, null));
    }

    [Fact]
    public void Mute_keeps_matching_events_out_of_the_sink_until_disposed()
    {
        var logger = Sys.ActorOf(Props.Create<Logging>(), "muted");
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(LogEvent));
        using (EventFilter.Info(contains: "info hush").Mute())
        {
            logger.Tell("hush", null);
            probe.FishForMessage(m => m is LogEvent { Message: "info hush" });
        }
        Assert.DoesNotContain(Sink.Lines, l => l.Message == "info hush");

        logger.Tell("hush", null);
        probe.FishForMessage(m => m is LogEvent { Message: "info hush" });
        AwaitAssert(() => Assert.Contains(Sink.Lines, l => l.Message == "info hush"));
    }
}
