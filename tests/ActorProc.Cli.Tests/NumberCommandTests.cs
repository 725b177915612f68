using System.Numerics;
using System.Text.Json;

namespace ActorProc.Cli.Tests;

public sealed class NumberCommandTests
{
    [Theory]
    [InlineData(1, null, 0)]
    [InlineData(2, null, 1)]
    [InlineData(100_000, null, 9_592)]
    [InlineData(1_000_000, "7919", 78_498)] // ranges that do not divide N evenly
    public async Task Primes_counts_the_primes_up_to_N(long n, string? chunk, long expected)
    {
        string[] args = ["run", "primes", "--to", n.ToString(), "--json", .. chunk is null ? Array.Empty<string>() : ["--chunk", chunk]];
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(expected, Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("output").GetInt64());
    }

    [Fact]
    public async Task Sumsq_totals_the_sum_of_squares_over_every_task_exactly()
    {
        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "3000000", "--tasks", "7", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        BigInteger n = 3_000_000;
        var expected = 7 * ((n - 1) * n * ((2 * n) - 1) / 6); // beyond 64 bits: the output must be exact
        using var json = JsonDocument.Parse(result.Stdout);
        var output = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("output");
        Assert.Equal(JsonValueKind.Number, output.ValueKind);
        Assert.Equal(expected.ToString(), output.GetRawText());
        Assert.Equal(7, json.RootElement.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task Text_output_is_the_total_alone()
    {
        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "10", "--tasks", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("570\n", result.Stdout);
        Assert.Contains("sumsq completed: 2 tasks succeeded", result.Stderr);
    }

    [Fact]
    public async Task A_deadline_reports_the_unfinished_tasks_exits_1_and_gives_no_partial_total()
    {
        // Each task takes seconds; the deadline ends the job after half a second.
        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "3000000000", "--tasks", "4", "--deadline", "500ms", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("deadline-exceeded", root.GetProperty("outcome").GetString());
        Assert.Equal(0, root.GetProperty("results").GetArrayLength());
        Assert.Equal(4, root.GetProperty("errors").GetArrayLength());
        Assert.Equal(4, root.GetProperty("failed").GetInt32());
    }
}
