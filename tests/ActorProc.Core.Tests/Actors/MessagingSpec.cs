using ActorProc.Core.Actors;
using ActorProc.Core.Events;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>Tell, Forward, Ask, the built-in PoisonPill and Kill, dead letters and unhandled messages.</summary>
public sealed class MessagingSpec : TestKit
{
    public MessagingSpec() : base(systemName: "msg") { }

    [Fact]
    public void Tell_carries_the_sender_so_the_receiver_can_reply()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("ping", TestActor);
        ExpectMsg("ping");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var end = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(end)));
        forwarder.Tell("via", TestActor);
        end.ExpectMsg("via");
        Assert.Equal(TestActor, end.LastSender);
    }

    [Fact]
    public void Tell_from_outside_an_actor_has_no_sender_and_replies_become_dead_letters()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        EventFilter.DeadLetter<string>(s => s == "anonymous").ExpectOne(() => echo.Tell("anonymous"));
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Assert.Equal("question", await echo.Ask<string>("question", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task An_Ask_timeout_names_the_target_and_the_time()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Recorder(CreateTestProbe())), "silent");
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("anyone?", TimeSpan.FromMilliseconds(100)));
        Assert.Equal("Ask timed out on [actorproc://msg/user/silent] after [100 ms]: no reply to String.", e.Message);
    }

    [Fact]
    public async Task A_late_reply_to_a_timed_out_Ask_becomes_a_dead_letter()
    {
        var target = CreateTestProbe();
        await Assert.ThrowsAsync<AskTimeoutException>(() => target.Ask<string>("q", TimeSpan.FromMilliseconds(50)));
        target.ExpectMsg("q");
        EventFilter.DeadLetter<string>(s => s == "too late").ExpectOne(() => target.Reply("too late"));
    }

    [Fact]
    public async Task A_cancelled_Ask_names_the_target()
    {
        var target = CreateTestProbe("asked");
        using var cts = new CancellationTokenSource();
        var ask = target.Ask<string>("q", TimeSpan.FromSeconds(30), cts.Token);
        target.ExpectMsg("q");
        await cts.CancelAsync();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
        Assert.Contains("[actorproc://msg/system/asked]", e.Message);
        Assert.Contains("cancelled", e.Message);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_Ask_with_its_cause()
    {
        var target = CreateTestProbe();
        var ask = target.Ask<string>("q", TimeSpan.FromSeconds(5));
        target.ExpectMsg("q");
        target.Reply(new Status.Failure(new InvalidOperationException("refused")));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ask);
        Assert.Equal("refused", e.Message);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_faults_the_Ask_with_InvalidCastException()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "typed");
        var e = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(5)));
        Assert.Contains("expected a reply of type String but got Int32", e.Message);
        Assert.Contains("actorproc://msg/user/typed", e.Message);
    }

    [Fact]
    public void PoisonPill_lets_earlier_messages_through_then_stops_the_actor()
    {
        var recorder = Sys.ActorOf(Props.Create(() => new Recorder(TestActor)));
        Watch(recorder);
        EventFilter.DeadLetter<int>(i => i == 4).ExpectOne(() =>
        {
            recorder.Tell(1);
            recorder.Tell(2);
            recorder.Tell(3);
            recorder.Tell(PoisonPill.Instance);
            recorder.Tell(4);
            ExpectMsg(1);
            ExpectMsg(2);
            ExpectMsg(3);
            ExpectTerminated(recorder);
        });
    }

    [Fact]
    public void Kill_fails_the_actor_and_the_default_strategy_stops_it()
    {
        var victim = Sys.ActorOf(Props.Create<Echo>(), "victim");
        Watch(victim);
        EventFilter.Exception<ActorKilledException>().ExpectOne(() => victim.Tell(Kill.Instance));
        ExpectTerminated(victim);
    }

    [Fact]
    public void A_message_to_a_stopped_actor_becomes_a_dead_letter_and_the_sender_never_sees_an_error()
    {
        var gone = Sys.ActorOf(Props.Create<Echo>(), "gone");
        Watch(gone);
        Sys.Stop(gone);
        ExpectTerminated(gone);
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(DeadLetter));
        EventFilter.DeadLetter<string>().ExpectOne(() => gone.Tell("hello?", TestActor));
        var letter = probe.ExpectMsg<DeadLetter>();
        Assert.Equal("hello?", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(gone, letter.Recipient);
    }

    [Fact]
    public void An_unhandled_message_is_published_as_UnhandledMessage()
    {
        var picky = Sys.ActorOf(Props.Create<StringsOnly>());
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(UnhandledMessage));
        EventFilter.Unhandled<int>().ExpectOne(() => picky.Tell(5, TestActor));
        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        Assert.Equal(5, unhandled.Message);
        Assert.Equal(TestActor, unhandled.Sender);
        Assert.Equal(picky, unhandled.Recipient);

        picky.Tell("still alive", TestActor); // unhandled is not a failure
        ExpectMsg("still alive");
    }
}
