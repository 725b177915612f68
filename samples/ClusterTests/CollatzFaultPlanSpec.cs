using ActorProc.TestKit.Assertions;
using ActorProc.TestKit.Faults;
using ActorProc.TestKit.Pools;
using PluginTasks;

namespace ClusterTests;

/// <summary>The task on a local worker pool under a seeded fault plan: injected failures are retried and every input ends with its right answer.</summary>
public sealed class CollatzFaultPlanSpec : WorkerPoolTestKit
{
    [Fact]
    public async Task Injected_failures_are_retried_and_every_input_gets_its_steps()
    {
        var collatz = new CollatzSteps();
        var pool = CreatePool(DefaultPoolOptions with { MaxRetries = 2 });
        using var plan = FaultPlan.For<long, int>(n => collatz.Run(n, CancellationToken.None))
            .Throw(when: n => n % 10 == 3, firstAttempts: 1) // the first attempt for inputs 3, 13, 23, ... fails
            .Build();
        var inputs = Enumerable.Range(1, 200).Select(i => (long)i).ToArray();

        var report = await RunJobAsync(pool, inputs, plan);

        report.ShouldAccountForEveryInput(inputs).ShouldHaveAllSucceeded();
        Assert.Equal(111, report.Tasks[26].Value); // 27 takes 111 steps
        Assert.Equal(2, report.Tasks[2].Attempts); // input 3: failed once, then succeeded
    }
}
