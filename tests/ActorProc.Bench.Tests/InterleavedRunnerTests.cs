using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Tests;

public sealed class InterleavedRunnerTests
{
    [Fact]
    public void Warm_up_rounds_of_every_contender_run_first_then_measured_rounds_alternate()
    {
        var order = new List<string>();
        var bench = Bench(
            Recording("a", order),
            Recording("b", order));

        var outcome = InterleavedRunner.Run(bench, Settings(warmup: 1, rounds: 3), TextWriter.Null);

        Assert.Equal(["a:warm-up", "b:warm-up", "a:0", "b:0", "a:1", "b:1", "a:2", "b:2"], order);
        Assert.True(outcome.Correct);
        Assert.All(outcome.Samples, s => Assert.Equal(3, s.Rounds.Count));
    }

    [Fact]
    public void A_round_that_fails_its_check_makes_the_run_incorrect_and_is_named()
    {
        var bench = Bench(
            Contender.Sync("good", _ => new RoundResult(1, true)),
            Contender.Sync("bad", ctx => new RoundResult(1, ctx.IsWarmup) { Failure = "sum was 41" }));

        var outcome = InterleavedRunner.Run(bench, Settings(warmup: 1, rounds: 2), TextWriter.Null);

        Assert.False(outcome.Correct);
        Assert.Equal(2, outcome.Failures.Count);
        Assert.All(outcome.Failures, f => Assert.Contains("bad", f));
        Assert.All(outcome.Failures, f => Assert.Contains("sum was 41", f));
    }

    [Fact]
    public void A_round_that_throws_stops_the_run_with_an_error_naming_the_contender()
    {
        var bench = Bench(
            Contender.Sync("good", _ => new RoundResult(1, true)),
            Contender.Sync("broken", _ => throw new InvalidOperationException("boom")));

        var outcome = InterleavedRunner.Run(bench, Settings(warmup: 0, rounds: 3), TextWriter.Null);

        Assert.False(outcome.Correct);
        Assert.Contains("broken", outcome.Error);
        Assert.Contains("boom", outcome.Error);
        Assert.Single(outcome.Samples[0].Rounds);
    }

    [Fact]
    public void A_hung_round_times_out_instead_of_hanging_the_bench()
    {
        var never = new TaskCompletionSource<RoundResult>();
        var bench = Bench(new Contender("hung", _ => never.Task));

        var outcome = InterleavedRunner.Run(bench, Settings(warmup: 0, rounds: 1) with { RoundTimeout = TimeSpan.FromMilliseconds(50) }, TextWriter.Null);

        Assert.False(outcome.Correct);
        Assert.Contains("did not finish", outcome.Error);
    }

    [Fact]
    public void Report_ratios_divide_the_first_contenders_median_by_each_other()
    {
        var values = new Queue<double>([10, 2, 30, 4, 20, 6]);
        var bench = Bench(
            Contender.Sync("subject", _ => new RoundResult(values.Dequeue(), true)),
            Contender.Sync("baseline", _ => new RoundResult(values.Dequeue(), true)));
        var outcome = InterleavedRunner.Run(bench, Settings(warmup: 0, rounds: 3), TextWriter.Null);

        var report = BenchReport.Create(bench, Settings(0, 3), outcome, MachineInfo.Current());

        Assert.Equal((20.0, 10.0, 30.0), (report.Results[0].Median, report.Results[0].Min, report.Results[0].Max));
        Assert.Equal(4.0, report.Results[1].Median);
        Assert.Equal(new KeyValuePair<string, double>("subject/baseline", 5.0), Assert.Single(report.Ratios));
    }

    private static Contender Recording(string name, List<string> order) =>
        Contender.Sync(name, ctx =>
        {
            order.Add(ctx.IsWarmup ? $"{name}:warm-up" : $"{name}:{ctx.Round}");
            return new RoundResult(1, true);
        });

    private static BenchDefinition Bench(params Contender[] contenders) => new()
    {
        Name = "test",
        Unit = "ops/s",
        Description = "test bench",
        Check = "nothing",
        Contenders = contenders,
    };

    private static RunSettings Settings(int warmup, int rounds) => new(warmup, rounds, TimeSpan.FromSeconds(10), Quick: true);
}
