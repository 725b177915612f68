namespace ActorProc.TestKit.Tests.Faults;

/// <summary>
/// The process-ending fault kinds outside a worker process (where they must not end the test host) and
/// their prediction. Their real effect, a worker process ended by FailFast or SIGKILL, is specified in
/// tests/ActorProc.Tests/Isolation/IsolatedPoolSpec.
/// </summary>
public sealed class WorkerProcessFaultTests
{
    [Fact]
    public void Process_ending_faults_outside_a_worker_process_throw_instead_and_are_recorded()
    {
        using var plan = FaultPlan.For<int, int>(x => x).FailFastWorkerProcess(onCall: 1).KillWorkerProcess(when: x => x == 5).Build();

        var failFast = Assert.Throws<InvalidOperationException>(() => plan.Work(1));
        var kill = Assert.Throws<InvalidOperationException>(() => plan.Work(5));

        Assert.Contains("Injected FailFastWorkerProcess on call 1 (input 1, attempt 1)", failFast.Message);
        Assert.Contains("Injected KillWorkerProcess on call 2 (input 5, attempt 1)", kill.Message);
        Assert.Contains("not a worker process of an isolated pool", kill.Message);
        Assert.Equal([FaultKind.FailFastWorkerProcess, FaultKind.KillWorkerProcess], plan.Injected.Select(f => f.Kind));
        Assert.Equal(7, plan.Work(7));
    }

    [Fact]
    public async Task Async_work_gets_the_same_process_ending_faults()
    {
        using var plan = FaultPlan.For<int, int>((x, _) => Task.FromResult(x)).KillWorkerProcess(when: x => x == 2).Build();

        await Assert.ThrowsAsync<InvalidOperationException>(() => plan.AsyncWork(2, CancellationToken.None));
        Assert.Equal(3, await plan.AsyncWork(3, CancellationToken.None));
    }

    [Fact]
    public void PlannedFault_predicts_the_seeded_inputs_a_plan_faults_and_skips_rules_by_call_number()
    {
        using var plan = FaultPlan.For<int, int>(x => x).FailFastWorkerProcess(onCall: 2).KillWorkerProcess(probability: 0.1, seed: 9).Build();
        var inputs = Enumerable.Range(0, 300).ToArray();
        var predicted = inputs.Where(x => plan.PlannedFault(x) == FaultKind.KillWorkerProcess).ToArray();

        foreach (var x in inputs)
        {
            try
            {
                plan.Work(x);
            }
            catch (InvalidOperationException)
            {
            }
        }

        Assert.NotEmpty(predicted);
        // Call 2 (input 1) went to the first rule, whatever the second would have said.
        Assert.Equal(predicted.Where(x => x != 1), plan.FaultedInputs(FaultKind.KillWorkerProcess).Order());
        Assert.Equal([1], plan.FaultedInputs(FaultKind.FailFastWorkerProcess)); // call 2, not predictable by input
        Assert.All(inputs.Except(predicted), x => Assert.Null(plan.PlannedFault(x)));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.PlannedFault(1, attempt: 0));
    }
}
