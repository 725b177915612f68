using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

public sealed class BackoffOptionsTests
{
    private static readonly Props ChildProps = Props.Create<NoopActor>();

    private sealed class NoopActor : ActorBase
    {
        protected internal override bool Receive(object message) => true;
    }

    public static TheoryData<string, Func<BackoffOptions>> InvalidOptions => new()
    {
        { "childProps", () => BackoffOptions.OnFailure(null!, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0.1) },
        { "childName", () => BackoffOptions.OnFailure(ChildProps, null!, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0.1) },
        { "childName", () => BackoffOptions.OnStop(ChildProps, "  ", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0.1) },
        { "minBackoff", () => BackoffOptions.OnFailure(ChildProps, "c", TimeSpan.Zero, TimeSpan.FromSeconds(2), 0.1) },
        { "minBackoff", () => BackoffOptions.OnStop(ChildProps, "c", TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(2), 0.1) },
        { "maxBackoff", () => BackoffOptions.OnFailure(ChildProps, "c", TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), 0.1) },
        { "randomFactor", () => BackoffOptions.OnFailure(ChildProps, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), -0.01) },
        { "randomFactor", () => BackoffOptions.OnStop(ChildProps, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 1.01) },
        { "resetBackoff", () => Valid().WithAutoReset(TimeSpan.Zero) },
        { "maxNrOfRetries", () => Valid().WithMaxNrOfRetries(-2) },
        { "strategy", () => Valid().WithSupervisorStrategy(null!) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_naming_the_parameter(string parameter, Func<BackoffOptions> create)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => create());

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Defaults_follow_Akka_reset_after_min_backoff_and_unlimited_retries()
    {
        var options = Valid();

        Assert.Equal(TimeSpan.FromSeconds(1), options.ResetBackoff);
        Assert.Equal(-1, options.MaxNrOfRetries);
        Assert.Null(options.SupervisorStrategy);
    }

    [Fact]
    public void With_methods_return_modified_copies()
    {
        var original = Valid();
        var strategy = new OneForOneStrategy(5, TimeSpan.FromMinutes(1), _ => Directive.Restart);

        var changed = original.WithAutoReset(TimeSpan.FromSeconds(30)).WithMaxNrOfRetries(4).WithSupervisorStrategy(strategy);

        Assert.Equal(TimeSpan.FromSeconds(30), changed.ResetBackoff);
        Assert.Equal(4, changed.MaxNrOfRetries);
        Assert.Same(strategy, changed.SupervisorStrategy);
        Assert.Equal(TimeSpan.FromSeconds(1), original.ResetBackoff);
        Assert.Equal(-1, original.MaxNrOfRetries);
    }

    [Fact]
    public void The_strategy_budget_applies_unless_max_retries_is_set_explicitly()
    {
        var strategy = new OneForOneStrategy(5, TimeSpan.FromMinutes(1), _ => Directive.Restart);

        Assert.Equal(5, Valid().WithSupervisorStrategy(strategy).MaxNrOfRetries);
        Assert.Equal(2, Valid().WithMaxNrOfRetries(2).WithSupervisorStrategy(strategy).MaxNrOfRetries);
        Assert.Equal(-1, Valid().WithSupervisorStrategy(strategy).WithMaxNrOfRetries(-1).MaxNrOfRetries);
    }

    [Fact]
    public void Props_rejects_null_options()
    {
        var e = Assert.Throws<ArgumentNullException>(() => BackoffSupervisor.Props(null!));

        Assert.Equal("options", e.ParamName);
    }

    private static BackoffOptions Valid() =>
        BackoffOptions.OnFailure(ChildProps, "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2);
}
