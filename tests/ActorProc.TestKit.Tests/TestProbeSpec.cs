namespace ActorProc.TestKit.Tests;

public sealed class TestProbeSpec : TestKit
{
    [Fact]
    public void ExpectMsg_returns_the_next_message_of_the_expected_type()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("hello", TestActor);
        Assert.Equal("hello", ExpectMsg<string>());
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ExpectMsg_names_the_expected_type_and_the_wait_when_nothing_arrives()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        Assert.Equal($"expected message of type String within {Dilated(TimeSpan.FromMilliseconds(50)).TotalMilliseconds:0} ms but received nothing", e.Message);
    }

    [Fact]
    public void ExpectMsg_names_the_type_and_value_of_a_wrong_message()
    {
        TestActor.Tell(42, null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());
        Assert.EndsWith("but received Int32: 42", e.Message);
        Assert.StartsWith("expected message of type String within", e.Message);
    }

    [Fact]
    public void ExpectMsg_with_a_value_compares_by_equality()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("b", null);
        ExpectMsg("a");
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg("c"));
        Assert.Contains("expected message equal to String: c", e.Message);
        Assert.EndsWith("received String: b", e.Message);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_fails_when_the_message_does_not_match()
    {
        TestActor.Tell(3, null);
        TestActor.Tell(4, null);
        Assert.Equal(3, ExpectMsg<int>(i => i % 2 == 1));
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<int>(i => i % 2 == 1));
    }

    [Fact]
    public void ExpectNoMsg_passes_on_silence_and_fails_on_a_message()
    {
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        TestActor.Tell("surprise", null);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(50)));
        Assert.EndsWith("but received String: surprise", e.Message);
    }

    [Fact]
    public void A_probe_is_a_usable_sender_and_Reply_answers_the_last_sender()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        probe.Send(echo, "ping");
        Assert.Equal("ping", probe.ExpectMsg<string>());
        Assert.Equal(echo, probe.LastSender);
        Assert.Equal(echo, probe.Sender);

        probe.Reply("pong"); // the echo sends it back to the probe
        probe.ExpectMsg("pong");
    }

    [Fact]
    public async Task Ask_to_a_probe_completes_with_the_probes_reply()
    {
        var probe = CreateTestProbe("asked");
        var answer = probe.Ask<string>("question", TimeSpan.FromSeconds(5));
        await probe.ExpectMsgAsync("question");
        probe.Reply("answer");
        Assert.Equal("answer", await answer);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var middle = CreateTestProbe();
        var end = CreateTestProbe();
        middle.Tell("hop", TestActor);
        middle.ExpectMsg("hop");
        middle.Forward(end);
        end.ExpectMsg("hop");
        Assert.Equal(TestActor, end.LastSender);
    }

    [Fact]
    public void Watch_delivers_Terminated_when_the_watched_actor_stops()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        var terminated = ExpectTerminated(echo);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_of_an_already_dead_actor_delivers_Terminated()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        var probe = CreateTestProbe();
        probe.Watch(echo);
        probe.ExpectTerminated(echo);
    }

    [Fact]
    public void ExpectTerminated_fails_for_another_actor()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>(), "a");
        var b = Sys.ActorOf(Props.Create<EchoActor>(), "b");
        Watch(a);
        Sys.Stop(a);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectTerminated(b));
        Assert.Contains("Terminated for actorproc://TestProbeSpec/user/b", e.Message);
    }

    [Fact]
    public void Unwatch_stops_the_Terminated()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Unwatch(echo);
        Sys.Stop(echo);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_actor_can_watch_a_probe()
    {
        var probe = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create<WatcherActor>());
        watcher.Tell(probe, TestActor);
        ExpectMsg("watching");
        Sys.Stop(probe);
        var died = ExpectMsg<WatchedActorDied>();
        Assert.Equal(probe, died.Actor);
        Assert.True(probe.Equals(died.Actor));
    }

    [Fact]
    public void FishForMessage_skips_until_a_match_and_lists_what_it_skipped_on_failure()
    {
        foreach (var i in new[] { 1, 2, 3 }) TestActor.Tell(i, null);
        Assert.Equal(2, FishForMessage(m => m is 2));
        var e = Assert.Throws<TestKitAssertionException>(() => FishForMessage(m => m is 9, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("skipped 1: Int32: 3", e.Message);
    }

    [Fact]
    public async Task ReceiveN_returns_messages_in_order_and_fails_when_too_few_arrive()
    {
        foreach (var i in new[] { 1, 2, 3 }) TestActor.Tell(i, null);
        Assert.Equal(new object[] { 1, 2 }, await ReceiveNAsync(2));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ReceiveNAsync(2, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("expected 2 messages", e.Message);
        Assert.Contains("but received 1: Int32: 3", e.Message);
    }

    [Fact]
    public async Task Async_twins_behave_like_the_synchronous_methods()
    {
        TestActor.Tell("x", null);
        Assert.Equal("x", await ExpectMsgAsync<string>());
        TestActor.Tell(5, null);
        Assert.Equal(5, await ExpectMsgAsync<int>(i => i == 5));
        TestActor.Tell("y", null);
        await ExpectMsgAsync("y");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(20));
        TestActor.Tell("z", null);
        Assert.Equal("z", await FishForMessageAsync(m => m is "z"));
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        await WatchAsync(echo);
        Sys.Stop(echo);
        await ExpectTerminatedAsync(echo);
    }

    [Fact]
    public void Probes_live_under_system_and_have_distinct_names()
    {
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        Assert.NotEqual(p1.Path, p2.Path);
        Assert.Equal("/system/testActor", TestActor.Path.ToStringWithoutAddress());
        Assert.StartsWith("/system/testProbe-", p1.Path.ToStringWithoutAddress());
    }
}
