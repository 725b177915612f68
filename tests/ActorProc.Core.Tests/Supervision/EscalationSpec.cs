using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>Failures that climb the hierarchy through Escalate deciders.</summary>
public sealed class EscalationSpec : TestKit
{
    [Fact]
    public void Escalation_climbs_three_levels_and_the_top_restart_recreates_everyone_below()
    {
        var hooks = CreateTestProbe();
        var decisions = CreateTestProbe();
        var top = Sys.ActorOf(Supervise.Parent(new OneForOneStrategy(cause =>
        {
            decisions.Tell(cause);
            return Directive.Restart;
        })), "top");
        // parent → child → grandchild, each built by its parent's PreStart and escalating its children's failures.
        this.ChildOf(top, ChainActor.Props(depth: 2, hooks), "parent");
        var first = StartedLevels(hooks);
        var grandchild = first["grandchild"].Ref;
        grandchild.Tell("inc");
        var thrown = new BoomException("deep");

        EventFilter.Exception<BoomException>().ExpectOne(() => grandchild.Tell(thrown)); // only the top logs its decision

        Assert.Same(thrown, decisions.ExpectMsg<BoomException>());
        var stopped = Enumerable.Range(0, 3).Select(_ => hooks.ExpectMsg<Hook>(h => h.Name == "PostStop").Actor).ToList();
        // The restarting parent's PreRestart stops its child and runs its own PostStop at once (like Akka);
        // the stopping child, though, waits for its own child before running PostStop.
        Assert.Equal(["child", "grandchild", "parent"], stopped.Order());
        Assert.True(stopped.IndexOf("grandchild") < stopped.IndexOf("child"), string.Join(", ", stopped));
        var second = StartedLevels(hooks);
        foreach (var level in new[] { "parent", "child", "grandchild" })
            Assert.NotEqual(first[level].Instance, second[level].Instance);
        second["grandchild"].Ref.Tell("get", TestActor);
        ExpectMsg(0);
        decisions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_top_level_actor_is_restarted_by_the_default_guardian_strategy()
    {
        var hooks = CreateTestProbe();
        var actor = Sys.ActorOf(Supervise.Stateful(hooks), "top");
        actor.Tell("inc");

        EventFilter.Exception<BoomException>().ExpectOne(() => actor.Tell("fail"));

        hooks.FishForMessage(m => m is Hook { Name: "PostRestart" });
        actor.Tell("get", TestActor);
        ExpectMsg(0);
    }

    /// <summary>Waits for the three PreStart hooks of a chain and indexes them by level name.</summary>
    private static Dictionary<string, (IActorRef Ref, int Instance)> StartedLevels(TestProbe hooks)
    {
        var started = new Dictionary<string, (IActorRef, int)>();
        while (started.Count < 3)
        {
            var hook = hooks.ExpectMsg<Hook>(h => h.Name == "PreStart");
            started[hook.Actor] = (hooks.LastSender, hook.Instance);
        }
        return started;
    }

    /// <summary>Builds the rest of its chain in PreStart; every level escalates its child's failures.</summary>
    private sealed class ChainActor : ReceiveActor
    {
        private static readonly string[] Names = ["grandchild", "child", "parent"];
        private static int _instances;
        private readonly int _instance = Interlocked.Increment(ref _instances);
        private readonly int _depth;
        private readonly IActorRef _hooks;
        private int _state;

        private ChainActor(int depth, IActorRef hooks)
        {
            _depth = depth;
            _hooks = hooks;
            Receive<string>(_ => _state++, s => s == "inc");
            Receive<string>(_ => Sender.Tell(_state, Self), s => s == "get");
            Receive<Exception>(e => throw e);
        }

        public static Props Props(int depth, IActorRef hooks) =>
            global::ActorProc.Core.Actors.Props.Create(() => new ChainActor(depth, hooks)).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate));

        protected override void PreStart()
        {
            _hooks.Tell(new Hook("PreStart", Self.Path.Name, _instance), Self);
            if (_depth > 0) Context.ActorOf(Props(_depth - 1, _hooks), Names[_depth - 1]);
        }

        protected override void PostStop() => _hooks.Tell(new Hook("PostStop", Self.Path.Name, _instance), Self);
    }
}
