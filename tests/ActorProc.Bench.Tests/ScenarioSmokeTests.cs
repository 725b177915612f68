using System.Text.Json;
using ActorProc.Bench;

namespace ActorProc.Bench.Tests;

/// <summary>
/// Runs every scenario in-process at --quick size and checks the JSON report's shape and
/// that every round verified its result. No test asserts a speed.
/// </summary>
public sealed class ScenarioSmokeTests
{
    [Theory]
    [InlineData("pool", "actorproc", "parallel-foreach", null)]
    [InlineData("cpu", "actorproc", "sequential", "ms")]
    [InlineData("async", "actorproc", "task-whenall", null)]
    [InlineData("submit", "actorproc", "task-run", "submit_ms")]
    [InlineData("loglimit", "limiter", "no-limiter", "lines_written")]
    public void Quick_run_prints_one_correct_json_report(string scenario, string subject, string baseline, string? extraMetric)
    {
        var (exitCode, stdout, stderr) = Run(scenario, "--quick", "--json");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{stderr}\nstdout:\n{stdout}");
        using var document = JsonDocument.Parse(stdout); // throws if stdout holds anything but one document
        var root = document.RootElement;
        Assert.Equal(scenario, root.GetProperty("bench").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("unit").GetString()));
        Assert.True(root.GetProperty("correct").GetBoolean(), $"not correct:\n{stdout}");
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("check").GetString()));

        var results = root.GetProperty("results").EnumerateArray().ToArray();
        var names = results.Select(AssertResultShape).ToArray();
        Assert.Equal(subject, names[0]);
        Assert.Contains(baseline, names);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("ratios").GetProperty($"{subject}/{baseline}").ValueKind);
        if (extraMetric is not null)
        {
            Assert.All(results, r => Assert.Equal(JsonValueKind.Number, r.GetProperty(extraMetric).ValueKind));
        }

        var machine = root.GetProperty("machine");
        Assert.True(machine.GetProperty("cores").GetInt32() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("os").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("dotnet").GetString()));
    }

    [Theory]
    [InlineData("hash", "sequential")]
    [InlineData("ipcount", "sequential")]
    public void Quick_cli_scenario_is_correct_and_runs_the_cli_when_it_is_built(string scenario, string baseline)
    {
        var (exitCode, stdout, stderr) = Run(scenario, "--quick", "--json");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{stderr}\nstdout:\n{stdout}");
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.True(root.GetProperty("correct").GetBoolean(), $"not correct:\n{stdout}");
        var names = root.GetProperty("results").EnumerateArray().Select(AssertResultShape).ToArray();
        Assert.Contains(baseline, names);
        // The bench does not build the CLI (it may not build while it is being worked on): without it the
        // actorproc contender is skipped with a notice instead of failing the run.
        if (names[0] != "actorproc") Assert.Contains("actorproc contender skipped", stderr);
    }

    [Fact]
    public void A_size_below_its_minimum_is_rejected_with_the_option_name()
    {
        var (exitCode, stdout, stderr) = Run("submit", "--tasks", "0", "--quick", "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--tasks", stderr + stdout);
    }

    // The cluster scenarios start node processes every round (about a minute even at --quick size), so
    // only their command lines are checked here; run them with `cluster --quick` by hand.
    [Theory]
    [InlineData("cluster-throughput", "0")]
    [InlineData("cluster-failover", "99")]
    [InlineData("cluster-scaling", "1")]
    public void Cluster_scenario_rejects_too_few_tasks_before_starting_any_node(string scenario, string tasks)
    {
        var (exitCode, stdout, stderr) = Run(scenario, "--tasks", tasks, "--quick", "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--tasks", stderr + stdout);
    }

    [Fact]
    public void Cluster_request_reply_rejects_an_empty_window_before_starting_any_node()
    {
        var (exitCode, stdout, stderr) = Run("cluster-request-reply", "--seconds", "0", "--quick", "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--seconds", stderr + stdout);
    }

    [Fact]
    public void Cluster_command_is_listed_with_its_scenarios()
    {
        var (exitCode, stdout, _) = Run("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "cluster", "cluster-throughput", "cluster-request-reply", "cluster-failover", "cluster-scaling" })
        {
            Assert.Contains(command, stdout);
        }
    }

    [Fact]
    public void Removed_kernel_benchmarks_are_no_longer_commands()
    {
        var (exitCode, _, _) = Run("pingpong", "--quick");

        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public void Table_output_names_every_contender_and_the_check()
    {
        var (exitCode, stdout, _) = Run("cpu", "--quick");

        Assert.Equal(0, exitCode);
        Assert.Contains("parallel-foreach", stdout);
        Assert.Contains("sequential", stdout);
        Assert.Contains("correct", stdout);
    }

    private static string AssertResultShape(JsonElement result)
    {
        foreach (var statistic in new[] { "median", "min", "max" })
        {
            Assert.Equal(JsonValueKind.Number, result.GetProperty(statistic).ValueKind);
        }

        Assert.True(result.GetProperty("min").GetDouble() <= result.GetProperty("max").GetDouble());
        return result.GetProperty("name").GetString()!;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = BenchProgram.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
