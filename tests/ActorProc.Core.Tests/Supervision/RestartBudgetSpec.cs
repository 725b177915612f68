using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>maxNrOfRetries within withinTimeRange, on a clock the test moves.</summary>
public sealed class RestartBudgetSpec : TestKit
{
    private readonly ManualTimeProvider _clock;

    public RestartBudgetSpec() : this(new ManualTimeProvider()) { }

    private RestartBudgetSpec(ManualTimeProvider clock) : base(new ActorSystemSetup { TimeProvider = clock }) => _clock = clock;

    [Fact]
    public void The_fourth_failure_within_a_minute_stops_a_child_allowed_three_restarts()
    {
        var child = BudgetedChild();

        EventFilter.Exception<BoomException>().Expect(3, () =>
        {
            for (var i = 0; i < 3; i++) child.Tell("fail");
        });
        child.Tell("ping", TestActor);
        ExpectMsg("pong");

        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell("fail"));
        ExpectTerminated(child);
    }

    [Fact]
    public void The_count_starts_over_once_the_window_has_passed()
    {
        var child = BudgetedChild();
        EventFilter.Exception<BoomException>().Expect(3, () =>
        {
            for (var i = 0; i < 3; i++) child.Tell("fail");
        });
        child.Tell("ping", TestActor);
        ExpectMsg("pong");

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        EventFilter.Exception<BoomException>().Expect(3, () =>
        {
            for (var i = 0; i < 3; i++) child.Tell("fail");
        });
        child.Tell("ping", TestActor);
        ExpectMsg("pong"); // still alive: a new window began with the first of these three
        EventFilter.Exception<BoomException>().ExpectOne(() => child.Tell("fail"));
        ExpectTerminated(child);
    }

    private IActorRef BudgetedChild()
    {
        var parent = Sys.ActorOf(Supervise.Parent(new OneForOneStrategy(3, TimeSpan.FromMinutes(1), _ => Directive.Restart)), "parent");
        var child = this.ChildOf(parent, Supervise.Stateful(CreateTestProbe()), "child");
        Watch(child);
        return child;
    }
}
