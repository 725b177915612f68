namespace ActorProc.TestKit.Tests;

public sealed class FaultsSpec : TestKit
{
    [Fact]
    public void ThrowOn_fails_the_actor_on_that_message_and_the_default_strategy_restarts_it()
    {
        var faulty = Sys.ActorOf(Faults.ThrowOn<string>(new InvalidOperationException("injected")), "faulty");
        faulty.Tell(1, TestActor);
        ExpectMsg(1);
        EventFilter.Exception<InvalidOperationException>(message: "injected").ExpectOne(() => faulty.Tell("boom", TestActor));
        faulty.Tell(2, TestActor);
        ExpectMsg(2); // restarted, same ref, still echoing
    }

    [Fact]
    public void ThrowOn_with_a_factory_builds_the_exception_from_the_message()
    {
        var faulty = Sys.ActorOf(Faults.ThrowOn<int>(i => new ArgumentException($"bad {i}")));
        EventFilter.Exception<ArgumentException>(message: "bad 7").ExpectOne(() => faulty.Tell(7, null));
    }

    [Fact]
    public void HangOn_holds_the_mailbox_until_released()
    {
        using var release = new SemaphoreSlim(0);
        var stuck = Sys.ActorOf(Faults.HangOn<string>(release));
        stuck.Tell("hang", TestActor);
        stuck.Tell(1, TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        release.Release();
        ExpectMsg("hang");
        ExpectMsg(1);
    }

    [Fact]
    public void HangOn_does_not_stop_the_actor_from_being_stopped()
    {
        using var release = new SemaphoreSlim(0);
        var stuck = Sys.ActorOf(Faults.HangOn<string>(release));
        Watch(stuck);
        stuck.Tell("hang", TestActor);
        Sys.Stop(stuck);
        ExpectTerminated(stuck);
    }

    [Fact]
    public void FailOnStart_makes_the_default_strategy_stop_the_actor()
    {
        IActorRef? failing = null;
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            failing = Sys.ActorOf(Faults.FailOnStart(new InvalidOperationException("no start")));
            Watch(failing);
        });
        ExpectTerminated(failing!);
    }
}
