using System.Collections.Concurrent;
using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Core.Events;
using Microsoft.Extensions.Logging;
using LogLevel = ActorProc.Core.Events.LogLevel;
using MelLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ActorProc.Core.Tests.Events;

using ActorProc.TestKit;

/// <summary>Actor loggers, the configured level, and the bridge to Microsoft.Extensions.Logging.</summary>
public sealed class LoggingSpec : TestKit
{
    private static readonly RecordingLoggerProvider Provider = new();
    private static readonly ILoggerFactory Factory = LoggerFactory.Create(b => b.AddProvider(Provider).SetMinimumLevel(MelLevel.Trace));

    public LoggingSpec() : base(new ActorSystemSetup { LoggerFactory = Factory, Config = Config.Parse("actorproc.loglevel = DEBUG") }, "logging") { }

    /// <summary>Logs what it is told at the level it is told, then answers "logged".</summary>
    private sealed record LogThis(LogLevel Level, string Text, Exception? Exception = null);

    private sealed class Chatty : ReceiveActor
    {
        public Chatty()
        {
            var log = Context.GetLogger();
            Receive<LogThis>(l =>
            {
                log.Log(l.Level, l.Exception, l.Text);
                Sender.Tell("logged", Self);
            });
        }
    }

    [Fact]
    public void Context_GetLogger_events_carry_the_actor_path_as_source_and_the_actor_type_as_class()
    {
        var chatty = Sys.ActorOf(Props.Create<Chatty>(), "chatty");
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(LogEvent));
        chatty.Tell(new LogThis(LogLevel.Info, "hello from chatty"), TestActor);
        ExpectMsg("logged");
        var e = (LogEvent)events.FishForMessage(m => m is LogEvent { Message: "hello from chatty" });
        Assert.Equal("actorproc://logging/user/chatty", e.LogSource);
        Assert.Equal(typeof(Chatty), e.LogClass);
        Assert.Equal(LogLevel.Info, e.Level);
    }

    [Theory]
    [InlineData(LogLevel.Debug, MelLevel.Debug)]
    [InlineData(LogLevel.Info, MelLevel.Information)]
    [InlineData(LogLevel.Warning, MelLevel.Warning)]
    [InlineData(LogLevel.Error, MelLevel.Error)]
    public void With_a_logger_factory_events_go_to_Microsoft_Extensions_Logging(LogLevel level, MelLevel expected)
    {
        var chatty = Sys.ActorOf(Props.Create<Chatty>(), "bridged");
        var text = $"bridged {level} {Guid.NewGuid()}";
        var failure = new InvalidOperationException("carried along");
        chatty.Tell(new LogThis(level, text, failure), TestActor);
        ExpectMsg("logged");
        var line = Assert.Single(Provider.Lines, l => l.Message == text);
        Assert.Equal("actorproc://logging/user/bridged", line.Category);
        Assert.Equal(expected, line.Level);
        Assert.Same(failure, line.Exception);
    }

    [Fact]
    public void Muted_events_do_not_reach_Microsoft_Extensions_Logging()
    {
        var chatty = Sys.ActorOf(Props.Create<Chatty>(), "muted");
        var text = $"muted {Guid.NewGuid()}";
        EventFilter.Warning(message: text).ExpectOne(() => chatty.Tell(new LogThis(LogLevel.Warning, text)));
        Assert.DoesNotContain(Provider.Lines, l => l.Message == text);
    }

    [Theory]
    [InlineData("DEBUG", new[] { LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error })]
    [InlineData("INFO", new[] { LogLevel.Info, LogLevel.Warning, LogLevel.Error })]
    [InlineData("WARNING", new[] { LogLevel.Warning, LogLevel.Error })]
    [InlineData("ERROR", new[] { LogLevel.Error })]
    [InlineData("OFF", new LogLevel[0])]
    public async Task The_configured_level_filters_what_is_published(string configured, LogLevel[] expected)
    {
        await using var system = ActorSystem.Create("levels", new ActorSystemSetup
        {
            Config = Config.Parse($"actorproc.loglevel = {configured}"),
            LoggerFactory = Factory, // keeps the console quiet
        });
        var published = new ConcurrentQueue<LogEvent>();
        using var subscription = system.EventStream.Subscribe<LogEvent>(e => { if (e.Message.StartsWith("level-probe", StringComparison.Ordinal)) published.Enqueue(e); });
        var chatty = system.ActorOf(Props.Create<Chatty>());
        foreach (var level in new[] { LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error })
            Assert.Equal("logged", await chatty.Ask<string>(new LogThis(level, "level-probe " + level), TimeSpan.FromSeconds(5)));
        Assert.Equal(expected, published.Select(e => e.Level));
        Assert.Equal(expected.Contains(LogLevel.Info), system.Log.IsEnabled(LogLevel.Info));
    }

    [Fact]
    public void An_unknown_log_level_is_rejected_naming_the_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad-level", "actorproc.loglevel = LOUD"));
        Assert.Contains("actorproc.loglevel", e.Message);
        Assert.Contains("'LOUD'", e.Message);
    }
}
