using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Events;

using ActorProc.TestKit;

/// <summary>Dead letters are logged one by one up to <c>log-dead-letters</c>, then summarized once per suspend duration.</summary>
public sealed class DeadLetterLoggingSpec : TestKit
{
    private readonly ManualTimeProvider _clock;

    public DeadLetterLoggingSpec() : this(new ManualTimeProvider()) { }

    private DeadLetterLoggingSpec(ManualTimeProvider clock) : base(new ActorSystemSetup
    {
        TimeProvider = clock,
        Config = Config.Parse("actorproc { log-dead-letters = 3, log-dead-letters-suspend-duration = 1m }"),
    }) => _clock = clock;

    private sealed class Quiet : ReceiveActor
    {
        public Quiet() => ReceiveAny(_ => { });
    }

    private IActorRef StoppedActor()
    {
        var actor = Sys.ActorOf(Props.Create<Quiet>(), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        return actor;
    }

    [Fact]
    public void Only_the_first_log_dead_letters_are_logged_one_by_one()
    {
        var gone = StoppedActor();
        using var _ = EventFilter.DeadLetter<int>().Mute();
        EventFilter.Info(source: "deadLetters", contains: "was not delivered").Expect(3, () =>
        {
            for (var i = 0; i < 10; i++) gone.Tell(i);
        });
    }

    [Fact]
    public void The_last_individual_line_says_that_the_rest_will_be_summarized_and_names_the_setting()
    {
        var gone = StoppedActor();
        EventFilter.Info(source: "deadLetters", contains: "Further dead letters are summarized periodically (actorproc.log-dead-letters)").ExpectOne(() =>
        {
            using var firstTwo = EventFilter.Info(source: "deadLetters", contains: "/3: Int32").Mute();
            for (var i = 0; i < 3; i++) gone.Tell(i);
        });
    }

    [Fact]
    public void After_the_suspend_duration_one_summary_line_counts_what_was_not_logged()
    {
        var gone = StoppedActor();
        EventFilter.Info(source: "deadLetters").Expect(3, () =>
        {
            for (var i = 0; i < 7; i++) gone.Tell(i); // 3 logged, 4 suppressed
        });
        _clock.Advance(TimeSpan.FromMinutes(1));
        EventFilter.Info(source: "deadLetters", message: "5 dead letters were not logged in the last 00:01:00").ExpectOne(() => gone.Tell(7));
    }

    [Fact]
    public async Task Log_dead_letters_off_logs_none_but_still_publishes_them()
    {
        await using var system = ActorSystem.Create("silent", "actorproc.log-dead-letters = off");
        var published = 0;
        var logged = 0;
        using var letters = system.EventStream.Subscribe<ActorProc.Core.Events.DeadLetter>(_ => Interlocked.Increment(ref published));
        using var lines = system.EventStream.Subscribe<ActorProc.Core.Events.LogEvent>(e => { if (e.LogSource == "deadLetters") Interlocked.Increment(ref logged); });
        system.DeadLetters.Tell("one", null);
        system.DeadLetters.Tell("two", null);
        Assert.Equal(2, Volatile.Read(ref published));
        Assert.Equal(0, Volatile.Read(ref logged));
    }
}
