namespace ActorProc.TestKit.Tests.Faults;

/// <summary>Fault plans called directly, without a pool: selection, determinism and the record of injections.</summary>
public sealed class FaultPlanTests
{
    [Fact]
    public void Throw_on_call_3_faults_only_the_third_call_and_records_it()
    {
        using var plan = FaultPlan.For<int, int>(x => x * 2).Throw(onCall: 3).Build();

        var outcomes = Enumerable.Range(10, 5).Select(x => Record.Exception(() => plan.Work(x))).ToArray();

        Assert.Equal([false, false, true, false, false], outcomes.Select(e => e is not null));
        var error = Assert.IsType<InjectedFaultException>(outcomes[2]);
        Assert.Contains("call 3 (input 12, attempt 1)", error.Message);
        var fault = Assert.Single(plan.Injected);
        Assert.Equal(new InjectedFault<int>(3, 12, 1, FaultKind.Throw, error, null), fault);
        Assert.Equal(5, plan.Calls);
    }

    [Fact]
    public void A_given_exception_factory_makes_a_new_exception_per_call()
    {
        using var plan = FaultPlan.For<int, int>(x => x).Throw(x => new IOException($"disk {x}"), when: x => x % 2 == 0).Build();

        var first = Assert.Throws<IOException>(() => plan.Work(2));
        var second = Assert.Throws<IOException>(() => plan.Work(4));

        Assert.Equal("disk 2", first.Message);
        Assert.NotSame(first, second);
        Assert.Equal(3, plan.Work(3));
        Assert.Equal([2, 4], plan.FaultedInputs(FaultKind.Throw));
    }

    [Fact]
    public void The_same_seed_faults_the_same_inputs_whatever_the_order_of_calls()
    {
        var builder = FaultPlan.For<int, int>(x => x).Throw(probability: 0.3, seed: 42);
        using var forward = builder.Build();
        using var backward = builder.Build();
        using var otherSeed = FaultPlan.For<int, int>(x => x).Throw(probability: 0.3, seed: 7).Build();

        foreach (var x in Enumerable.Range(0, 200)) Record.Exception(() => forward.Work(x));
        foreach (var x in Enumerable.Range(0, 200).Reverse()) Record.Exception(() => backward.Work(x));
        foreach (var x in Enumerable.Range(0, 200)) Record.Exception(() => otherSeed.Work(x));

        var faulted = forward.FaultedInputs().Order().ToArray();
        Assert.InRange(faulted.Length, 30, 90); // about 30 % of 200
        Assert.Equal(faulted, backward.FaultedInputs().Order());
        Assert.NotEqual(faulted, otherSeed.FaultedInputs().Order());
    }

    [Fact]
    public void First_attempts_faults_an_input_k_times_then_lets_it_through()
    {
        using var plan = FaultPlan.For<string, int>(s => s.Length).Throw(when: s => s == "flaky", firstAttempts: 2).Build();

        Assert.Throws<InjectedFaultException>(() => plan.Work("flaky"));
        Assert.Equal(5, plan.Work("solid"));
        Assert.Throws<InjectedFaultException>(() => plan.Work("flaky"));
        Assert.Equal(5, plan.Work("flaky"));

        Assert.Equal([1, 2], plan.Injected.Select(f => f.Attempt));
        Assert.Equal(3, plan.CallsOf("flaky"));
    }

    [Fact]
    public void The_first_rule_that_selects_a_call_wins()
    {
        using var plan = FaultPlan.For<int, int>(x => x).CrashWorker(when: x => x == 1).Throw().Build();

        Assert.Throws<InjectedWorkerCrashException>(() => plan.Work(1));
        Assert.Throws<InjectedFaultException>(() => plan.Work(2));
        Assert.Equal([FaultKind.CrashWorker, FaultKind.Throw], plan.Injected.Select(f => f.Kind));
    }

    [Fact]
    public async Task An_async_hang_ends_with_the_jobs_cancellation()
    {
        using var plan = FaultPlan.For<int, int>((x, _) => Task.FromResult(x)).Hang(when: x => x == 3).Build();
        using var cancel = new CancellationTokenSource();

        var hung = plan.AsyncWork(3, cancel.Token);
        Assert.Equal(4, await plan.AsyncWork(4, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(hung.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hung.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Hangs_selected_after_the_release_do_not_block_and_are_not_recorded()
    {
        using var plan = FaultPlan.For<int, int>(x => x).Hang().Build();
        plan.ReleaseHangs();

        Assert.Equal(5, plan.Work(5));
        Assert.Empty(plan.Injected);
    }

    [Fact]
    public void A_slow_call_records_its_delay_and_returns_the_value()
    {
        using var plan = FaultPlan.For<int, int>(x => x * 3).Slow(TimeSpan.FromMilliseconds(20), when: x => x > 1).Build();

        Assert.Equal(3, plan.Work(1));
        Assert.Equal(6, plan.Work(2));

        var slow = Assert.Single(plan.Injected);
        Assert.Equal((2, FaultKind.Slow, TimeSpan.FromMilliseconds(20)), (slow.Input, slow.Kind, slow.Delay!.Value));
    }

    [Fact]
    public void Out_of_range_selectors_are_refused_when_the_rule_is_added()
    {
        var builder = FaultPlan.For<int, int>(x => x);

        Assert.Equal("onCall", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Throw(onCall: 0)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Hang(probability: 1.5)).ParamName);
        Assert.Equal("firstAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => builder.CrashWorker(firstAttempts: 0)).ParamName);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Slow(TimeSpan.FromSeconds(-1))).ParamName);
    }

    [Fact]
    public void A_plan_gives_only_the_kind_of_work_it_wraps()
    {
        using var sync = FaultPlan.For<int, int>(x => x).Build();
        using var async = FaultPlan.For<int, int>((x, _) => Task.FromResult(x)).Build();

        Assert.Contains("use Work", Assert.Throws<InvalidOperationException>(() => sync.AsyncWork).Message);
        Assert.Contains("use AsyncWork", Assert.Throws<InvalidOperationException>(() => async.Work).Message);
    }

    [Fact]
    public void The_plan_describes_its_rules()
    {
        using var plan = FaultPlan.For<int, int>(x => x).Throw(onCall: 3).Slow(TimeSpan.FromMilliseconds(50), probability: 0.1, seed: 42).Build();

        Assert.Equal("FaultPlan (sync): Throw on call 3; Slow 50 ms with probability 0.1 (seed 42); 0 call(s), 0 fault(s) injected", plan.ToString());
    }

    [Fact]
    public void With_crashes_fatal_keeps_the_pools_own_fatal_exceptions()
    {
        var options = new WorkerPoolOptions { FatalExceptions = e => e is OutOfMemoryException }.WithCrashesFatal();

        Assert.True(options.FatalExceptions!(new InjectedWorkerCrashException("crash")));
        Assert.True(options.FatalExceptions(new OutOfMemoryException()));
        Assert.False(options.FatalExceptions(new InjectedFaultException("plain")));
    }
}
