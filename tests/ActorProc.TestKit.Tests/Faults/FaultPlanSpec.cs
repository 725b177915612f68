namespace ActorProc.TestKit.Tests.Faults;

/// <summary>Fault plans driving real pools on the kit's actor system.</summary>
public sealed class FaultPlanSpec : WorkerPoolTestKit
{
    [Fact]
    public async Task A_plan_throwing_on_the_third_call_fails_exactly_one_task()
    {
        var pool = CreatePool();
        using var plan = FaultPlan.For<int, int>(x => x * 10).Throw(onCall: 3).Build();
        var inputs = Enumerable.Range(0, 20).ToArray();

        var report = await RunJobAsync(pool, inputs, plan);

        var fault = Assert.Single(plan.Injected);
        report.ShouldAccountForEveryInput(inputs).ShouldHaveFailed(fault.Input).ShouldMatch(plan);
        Assert.Same(fault.Exception, report.Tasks[fault.Input].Exception);
        Assert.Equal(19, report.Succeeded);
    }

    [Fact]
    public async Task A_seeded_probability_plan_faults_the_same_inputs_in_two_runs()
    {
        var pool = CreatePool(DefaultPoolOptions with { Workers = 4 });
        var builder = FaultPlan.For<int, int>(x => x).Throw(probability: 0.2, seed: 42);
        var inputs = Enumerable.Range(0, 200).ToArray();
        using var first = builder.Build();
        using var second = builder.Build();

        var firstReport = await RunJobAsync(pool, inputs, first);
        var secondReport = await RunJobAsync(pool, inputs, second);

        var faulted = first.FaultedInputs().Order().ToArray();
        Assert.NotEmpty(faulted);
        Assert.Equal(faulted, second.FaultedInputs().Order());
        firstReport.ShouldHaveFailed(faulted).ShouldMatch(first);
        secondReport.ShouldHaveFailed(faulted).ShouldMatch(second);
    }

    [Fact]
    public async Task A_crash_of_the_first_attempt_restarts_the_worker_and_the_task_succeeds_on_retry()
    {
        var pool = CreatePool(DefaultPoolOptions with { MaxRetries = 1 });
        using var plan = FaultPlan.For<int, int>(x => x + 1).CrashWorker(when: x => x == 7, firstAttempts: 1).Build();

        var report = await RunJobAsync(pool, Enumerable.Range(0, 30), plan);

        // The restart is counted by the supervisor, which may get to it after the job's report is out.
        await AwaitStatisticsAsync(pool, s => s.WorkerRestarts > 0);
        report.ShouldHaveAllSucceeded().ShouldMatch(plan);
        Assert.Equal(2, report.Tasks[7].Attempts);
        Assert.Equal(8, report.Tasks[7].Value);
        var crash = Assert.Single(plan.Injected);
        Assert.Equal((7, 1, FaultKind.CrashWorker), (crash.Input, crash.Attempt, crash.Kind));
    }

    [Fact]
    public async Task A_crash_without_retries_left_fails_the_task_with_the_injected_crash()
    {
        var pool = CreatePool();
        using var plan = FaultPlan.For<int, int>(x => x).CrashWorker(onCall: 1).Build();

        var report = await RunJobAsync(pool, Enumerable.Range(0, 10), plan);

        await AwaitStatisticsAsync(pool, s => s.WorkerRestarts == 1);
        var crashed = Assert.Single(plan.Injected).Input;
        report.ShouldHaveFailed(crashed).ShouldMatch(plan);
        Assert.IsType<InjectedWorkerCrashException>(report.Tasks[crashed].Exception);
    }

    [Fact]
    public async Task A_hung_task_times_out_while_the_others_finish()
    {
        var pool = CreatePool(DefaultPoolOptions with { TaskTimeout = TimeSpan.FromMilliseconds(300) });
        using var plan = FaultPlan.For<int, int>(x => x).Hang(when: x => x == 5).Build();
        var inputs = Enumerable.Range(0, 40).ToArray();

        var report = await RunJobAsync(pool, inputs, plan);

        report.ShouldAccountForEveryInput(inputs).ShouldHaveTimedOut(5).ShouldMatch(plan);
        Assert.Equal(39, report.Succeeded);
        Assert.IsType<TaskTimeoutException>(report.Tasks[5].Exception);
    }

    [Fact]
    public async Task An_async_hang_times_out_through_its_cancellation_token()
    {
        var pool = CreatePool(DefaultPoolOptions with { TaskTimeout = TimeSpan.FromMilliseconds(200) });
        using var plan = FaultPlan.For<int, int>(async (x, ct) =>
        {
            await Task.Yield();
            return x;
        }).Hang(when: x => x % 10 == 3).Build();

        var report = await RunJobAsync(pool, Enumerable.Range(0, 30), plan);

        report.ShouldHaveTimedOut(3, 13, 23).ShouldMatch(plan);
    }

    [Fact]
    public async Task A_hung_call_goes_on_when_the_plan_releases_it()
    {
        var pool = CreatePool();
        using var plan = FaultPlan.For<int, int>(x => x + 1).Hang(onCall: 1).Build();

        var value = pool.SubmitAsync(plan.Work, 41);
        await AwaitAssertAsync(() => Assert.Single(plan.Injected)); // the call has started hanging
        Assert.False(value.IsCompleted);
        plan.ReleaseHangs();

        Assert.Equal(42, await AwaitAsync(value));
    }

    [Fact]
    public async Task Transient_faults_of_the_first_attempts_are_retried_away()
    {
        var pool = CreatePool(DefaultPoolOptions with { MaxRetries = 2 });
        using var plan = FaultPlan.For<int, int>(x => x).Throw(when: x => x < 3, firstAttempts: 2).Build();

        var report = await RunJobAsync(pool, Enumerable.Range(0, 10), plan);

        report.ShouldHaveAllSucceeded().ShouldMatch(plan);
        Assert.Equal([3, 3, 3], report.Tasks.Take(3).Select(t => t.Attempts));
        Assert.Equal(6, report.Retries);
    }
}
