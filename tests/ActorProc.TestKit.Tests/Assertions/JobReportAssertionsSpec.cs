using Xunit.Sdk;

namespace ActorProc.TestKit.Tests.Assertions;

/// <summary>The report assertions pass on good reports and fail with messages that name the offending tasks.</summary>
public sealed class JobReportAssertionsSpec : WorkerPoolTestKit
{
    private static readonly JobOptions Job = new() { JobId = "job" };

    [Fact]
    public async Task Every_assertion_passes_on_a_report_that_meets_it()
    {
        var pool = CreatePool();
        using var plan = FaultPlan.For<int, int>(x => x).Throw(when: x => x is 2 or 5).Build();
        var inputs = Enumerable.Range(0, 8).ToArray();

        var report = await RunJobAsync(pool, inputs, plan, Job);

        report.ShouldAccountForEveryInput(inputs).ShouldHaveFailed(5, 2).ShouldHaveTimedOut().ShouldHaveOutcome(TaskOutcome.Cancelled).ShouldMatch(plan);
    }

    [Fact]
    public async Task All_succeeded_fails_listing_each_task_that_did_not()
    {
        var report = await RunAsync(Enumerable.Range(0, 10), x => x is 3 or 8 ? throw new InvalidOperationException($"bad {x}") : x);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldHaveAllSucceeded());

        Assert.IsAssignableFrom<XunitException>(error);
        Assert.StartsWith("Expected every task of job job to succeed, but 2 of 10 did not:", error.Message);
        Assert.Contains("job#3 (input 3): Failed after 1 attempt(s): InvalidOperationException: bad 3", error.Message);
        Assert.Contains("job#8 (input 8): Failed after 1 attempt(s): InvalidOperationException: bad 8", error.Message);
        Assert.EndsWith(report.ToString(), error.Message);
    }

    [Fact]
    public async Task Should_have_failed_names_the_inputs_that_did_not_fail_and_the_ones_that_failed_unexpectedly()
    {
        var report = await RunAsync(Enumerable.Range(0, 5), x => x == 1 ? throw new ArgumentException("one") : x);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldHaveFailed(2, 9));

        Assert.StartsWith("Expected exactly the tasks of inputs [2, 9] to be Failed in job job, but:", error.Message);
        Assert.Contains("job#2 (input 2): Succeeded after 1 attempt(s) — expected Failed", error.Message);
        Assert.Contains("job#1 (input 1): Failed after 1 attempt(s): ArgumentException: one — not expected to be Failed", error.Message);
        Assert.Contains("input 9 is not in the report", error.Message);
    }

    [Fact]
    public async Task Should_have_timed_out_fails_when_nothing_timed_out()
    {
        var report = await RunAsync(Enumerable.Range(0, 3), x => x);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldHaveTimedOut(0));

        Assert.Contains("job#0 (input 0): Succeeded after 1 attempt(s) — expected TimedOut", error.Message);
    }

    [Fact]
    public async Task Accounting_for_every_input_names_missing_repeated_and_foreign_inputs()
    {
        var report = await RunAsync(new[] { "a", "b", "b", "c" }, s => s.Length);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldAccountForEveryInput(["a", "b", "d"]));

        Assert.StartsWith("Expected job job to account for each of its 3 input(s) exactly once, but:", error.Message);
        Assert.Contains("input \"b\" appears 2 time(s), expected 1: job#1 (input \"b\"): Succeeded", error.Message);
        Assert.Contains("input \"d\" is missing", error.Message);
        Assert.Contains("job#3 (input \"c\"): Succeeded after 1 attempt(s) — not an input of the job", error.Message);
    }

    [Fact]
    public async Task Should_match_names_a_failure_the_plan_did_not_inject()
    {
        var pool = CreatePool();
        using var plan = FaultPlan.For<int, int>(x => x == 4 ? throw new InvalidOperationException("a real bug") : x).Throw(onCall: 1).Build();

        var report = await RunJobAsync(pool, Enumerable.Range(0, 6), plan, Job);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldMatch(plan));
        Assert.StartsWith("Expected job job to match FaultPlan (sync): Throw on call 1; 6 call(s), 1 fault(s) injected, but:", error.Message);
        Assert.Contains("job#4 (input 4): Failed after 1 attempt(s): InvalidOperationException: a real bug — expected Succeeded: the plan injected nothing into its latest call (of 1)", error.Message);
        Assert.Single(error.Message.Split('\n'), line => line.Contains(" — "));
    }

    [Fact]
    public async Task Should_match_refuses_repeated_inputs()
    {
        var pool = CreatePool();
        using var plan = FaultPlan.For<int, int>(x => x).Build();

        var report = await RunJobAsync(pool, [1, 2, 2], plan, Job);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldMatch(plan));
        Assert.StartsWith("ShouldMatch needs distinct inputs (a plan sees inputs, not task ids), but job job repeats [2].", error.Message);
    }

    [Fact]
    public async Task A_long_list_of_offending_tasks_is_cut_after_twenty_lines()
    {
        var report = await RunAsync(Enumerable.Range(0, 50), x => x % 2 == 0 ? throw new InvalidOperationException("even") : x);

        var error = Assert.Throws<JobReportAssertionException>(() => report.ShouldHaveAllSucceeded());

        Assert.Contains("job#38 (input 38)", error.Message);
        Assert.DoesNotContain("job#40 (input 40)", error.Message);
        Assert.Contains("… and 5 more", error.Message);
    }

    private Task<JobReport<TIn, TOut>> RunAsync<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, TOut> work) =>
        AwaitAsync(CreatePool().RunAsync(inputs, work, Job));
}
