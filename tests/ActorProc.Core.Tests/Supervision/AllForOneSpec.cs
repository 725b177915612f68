using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>An all-for-one parent applies the directive for one child's failure to all its children.</summary>
public sealed class AllForOneSpec : TestKit
{
    [Fact]
    public void Restart_restarts_every_sibling_and_resets_their_state()
    {
        var parent = Sys.ActorOf(Supervise.Parent(new AllForOneStrategy(_ => Directive.Restart)), "parent");
        var hooks = new[] { CreateTestProbe(), CreateTestProbe(), CreateTestProbe() };
        var children = hooks.Select((h, i) => this.ChildOf(parent, Supervise.Stateful(h), $"c{i}")).ToArray();
        foreach (var c in children)
        {
            c.Tell("inc");
            // Make sure the increment was processed before the failure: system messages (the
            // restart) overtake user messages, so an increment still queued would land after it.
            c.Tell("get", TestActor);
            ExpectMsg(1);
        }

        EventFilter.Exception<BoomException>().ExpectOne(() => children[1].Tell("fail"));

        foreach (var h in hooks) h.FishForMessage(m => m is Hook { Name: "PostRestart" });
        foreach (var c in children)
        {
            c.Tell("get", TestActor);
            ExpectMsg(0);
        }
    }

    [Fact]
    public void Stop_stops_every_sibling()
    {
        var parent = Sys.ActorOf(Supervise.Parent(new AllForOneStrategy(_ => Directive.Stop)), "parent");
        var children = Enumerable.Range(0, 3).Select(i => this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), $"c{i}")).ToArray();
        foreach (var c in children) Watch(c);

        EventFilter.Exception<BoomException>().ExpectOne(() => children[2].Tell("fail"));

        var terminated = ReceiveN(3).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.True(terminated.SetEquals(children));
    }

    [Fact]
    public void One_for_one_restarts_only_the_failed_child()
    {
        var parent = Sys.ActorOf(Supervise.Parent(new OneForOneStrategy(_ => Directive.Restart)), "parent");
        var hooks = new[] { CreateTestProbe(), CreateTestProbe() };
        var children = hooks.Select((h, i) => this.ChildOf(parent, Supervise.Stateful(h), $"c{i}")).ToArray();
        foreach (var c in children) c.Tell("inc");

        EventFilter.Exception<BoomException>().ExpectOne(() => children[0].Tell("fail"));
        hooks[0].FishForMessage(m => m is Hook { Name: "PostRestart" });

        children[0].Tell("get", TestActor);
        ExpectMsg(0);
        children[1].Tell("get", TestActor);
        ExpectMsg(1);
    }
}
