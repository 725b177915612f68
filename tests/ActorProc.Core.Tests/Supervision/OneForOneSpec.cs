using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>What a one-for-one parent does with a failed child, directive by directive.</summary>
public sealed class OneForOneSpec : TestKit
{
    public static TheoryData<Directive, int?, bool, bool> Directives => new()
    {
        // directive, state seen after the failure (null: no reply), child terminated, failure escalated to the grandparent
        { Directive.Resume, 2, false, false },   // state kept
        { Directive.Restart, 0, false, false },  // state reset
        { Directive.Stop, null, true, false },
        { Directive.Escalate, null, true, true }, // the grandparent restarts the parent, whose restart stops the child
    };

    [Theory]
    [MemberData(nameof(Directives))]
    public void The_directive_decides_the_fate_of_the_failed_child(Directive directive, int? stateAfter, bool terminated, bool escalated)
    {
        var escalations = CreateTestProbe();
        var grandparent = Sys.ActorOf(Supervise.Parent(new OneForOneStrategy(cause =>
        {
            escalations.Tell(cause);
            return Directive.Restart;
        })), "grandparent");
        var parent = this.ChildOf(grandparent, Supervise.Parent(directive), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");
        Watch(child);

        // Exactly one log line carries the failure: the parent's (or, when escalated, the grandparent's) decision.
        EventFilter.Exception<BoomException>().ExpectOne(() =>
        {
            child.Tell("inc");
            child.Tell("inc");
            child.Tell("fail");
            child.Tell("get", TestActor);
        });

        if (escalated)
        {
            var cause = escalations.ExpectMsg<BoomException>();
            Assert.Equal("boom", cause.Message);
        }
        if (stateAfter is { } state) ExpectMsg(state);
        if (terminated) ExpectTerminated(child);
        if (!escalated) escalations.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Escalation_hands_the_parent_the_very_same_exception()
    {
        var escalations = CreateTestProbe();
        var grandparent = Sys.ActorOf(Supervise.Parent(new OneForOneStrategy(cause =>
        {
            escalations.Tell(cause);
            return Directive.Stop;
        })), "grandparent");
        var parent = this.ChildOf(grandparent, Supervise.Parent(Directive.Escalate), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");
        Watch(parent);
        var thrown = new BoomException("the original");

        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell(thrown));

        Assert.Same(thrown, escalations.ExpectMsg<BoomException>());
        ExpectTerminated(parent);
    }

    [Fact]
    public void Resuming_an_escalated_failure_resumes_the_child_that_failed()
    {
        var grandparent = Sys.ActorOf(Supervise.Parent(Directive.Resume), "grandparent");
        var parent = this.ChildOf(grandparent, Supervise.Parent(Directive.Escalate), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");

        EventFilter.Exception<BoomException>().ExpectOne(() =>
        {
            child.Tell("inc");
            child.Tell("fail");
        });
        child.Tell("get", TestActor);

        ExpectMsg(1);
    }

    [Fact]
    public void A_failure_suspends_the_child_until_the_parent_decides()
    {
        using var decide = new SemaphoreSlim(0);
        var deciding = CreateTestProbe();
        var parent = Sys.ActorOf(Supervise.Parent(new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, cause =>
        {
            deciding.Tell(cause);
            // Holding the parent here keeps the decision pending, so the test can look at the child meanwhile.
            decide.Wait(TimeSpan.FromSeconds(10));
            return Directive.Resume;
        }, loggingEnabled: false)), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");

        child.Tell("inc");
        child.Tell("fail");
        deciding.ExpectMsg<BoomException>();
        child.Tell("get", TestActor);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // suspended: "get" waits in the mailbox
        decide.Release();
        ExpectMsg(1);
    }

    [Fact]
    public void Restart_calls_PreRestart_on_the_old_instance_with_the_failing_message_then_PostRestart_on_the_new_one()
    {
        var hooks = CreateTestProbe();
        var parent = Sys.ActorOf(Supervise.Parent(Directive.Restart), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(hooks), "child");
        var first = hooks.ExpectMsg<Hook>(h => h.Name == "PreStart");

        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell("fail"));

        var preRestart = hooks.ExpectMsg<Hook>(h => h.Name == "PreRestart");
        hooks.ExpectMsg<Hook>(h => h.Name == "PostStop" && h.Instance == first.Instance); // the default PreRestart calls PostStop
        var postRestart = hooks.ExpectMsg<Hook>(h => h.Name == "PostRestart");
        var started = hooks.ExpectMsg<Hook>(h => h.Name == "PreStart"); // the default PostRestart calls PreStart

        Assert.Equal(first.Instance, preRestart.Instance);
        var (reason, message) = ((Exception, object?))preRestart.Detail!;
        Assert.IsType<BoomException>(reason);
        Assert.Equal("fail", message);
        Assert.NotEqual(first.Instance, postRestart.Instance);
        Assert.IsType<BoomException>(postRestart.Detail);
        Assert.Equal(postRestart.Instance, started.Instance);
    }

    [Fact]
    public void Props_WithSupervisorStrategy_overrides_the_actors_own_strategy()
    {
        var resumingByDefault = Props.Create(() => new OwnStrategyParent(new OneForOneStrategy(_ => Directive.Resume)));
        var parent = Sys.ActorOf(resumingByDefault.WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop)), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");
        Watch(child);

        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell("fail"));

        ExpectTerminated(child);
    }

    [Fact]
    public void Without_Props_strategy_the_actors_own_SupervisorStrategy_applies()
    {
        var parent = Sys.ActorOf(Props.Create(() => new OwnStrategyParent(new OneForOneStrategy(_ => Directive.Resume))), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");

        EventFilter.Exception<BoomException>().ExpectOne(() =>
        {
            child.Tell("inc");
            child.Tell("fail");
        });
        child.Tell("get", TestActor);

        ExpectMsg(1);
    }

    private sealed class OwnStrategyParent : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public OwnStrategyParent(SupervisorStrategy strategy)
        {
            _strategy = strategy;
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }
}
