using System.Text.Json;

namespace ActorProc.Cli.Tests;

/// <summary><c>actorproc run --isolate processes[=N]</c>: the same results, report and exit code as in-process, from child worker processes.</summary>
public sealed class IsolateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Hash_in_worker_processes_prints_the_same_digests_errors_and_exit_code_as_in_process()
    {
        var good = _dir.File("good.txt", "fine"u8.ToArray());
        var other = _dir.File("other.txt", "also fine"u8.ToArray());
        var bad = Path.Combine(_dir.Path, "bad.txt");
        Unreadable.Create(bad);
        string[] args = ["run", "hash", good, bad, other, "--json"];

        var inProcess = await CliRunner.RunAsync(args);
        var isolated = await CliRunner.RunAsync([.. args, "--isolate", "processes=2"]);

        Assert.True(inProcess.ExitCode == 1, inProcess.ToString());
        Assert.True(isolated.ExitCode == 1, isolated.ToString());
        using var a = JsonDocument.Parse(inProcess.Stdout);
        using var b = JsonDocument.Parse(isolated.Stdout);
        Assert.Equal(a.RootElement.GetProperty("results").GetRawText(), b.RootElement.GetProperty("results").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("errors").GetRawText(), b.RootElement.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Sumsq_in_two_worker_processes_prints_the_same_result_and_exit_code_as_in_process()
    {
        var inProcess = await CliRunner.RunAsync("run", "sumsq", "--n", "3000000", "--tasks", "7", "--json");
        var isolated = await CliRunner.RunAsync("run", "sumsq", "--n", "3000000", "--tasks", "7", "--json", "--isolate", "processes=2");

        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.True(isolated.ExitCode == 0, isolated.ToString());
        using var a = JsonDocument.Parse(inProcess.Stdout);
        using var b = JsonDocument.Parse(isolated.Stdout);
        Assert.Equal(a.RootElement.GetProperty("results").GetRawText(), b.RootElement.GetProperty("results").GetRawText());
        Assert.Equal(7, b.RootElement.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task A_plugin_task_in_worker_processes_reports_its_failures_as_in_process()
    {
        string[] args = ["run", "collatz", "27", "x", "97", "--assembly", CliRunner.PluginDll, "--json"];
        var inProcess = await CliRunner.RunAsync(args);
        var isolated = await CliRunner.RunAsync([.. args, "--isolate", "processes=1"]);

        Assert.Equal(inProcess.ExitCode, isolated.ExitCode);
        using var a = JsonDocument.Parse(inProcess.Stdout);
        using var b = JsonDocument.Parse(isolated.Stdout);
        Assert.Equal(a.RootElement.GetProperty("results").GetRawText(), b.RootElement.GetProperty("results").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("errors").GetRawText(), b.RootElement.GetProperty("errors").GetRawText());
    }

    [Theory]
    [InlineData("threads", "--isolate threads: expected processes or processes=N")]
    [InlineData("processes=0", "--isolate processes=0: N must be a whole number from 1 to 256")]
    [InlineData("processes=two", "--isolate processes=two: N must be a whole number from 1 to 256")]
    public async Task A_bad_isolate_value_is_a_usage_error(string value, string message)
    {
        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "10", "--isolate", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task Primes_in_two_worker_processes_counts_the_same_as_in_process()
    {
        string[] args = ["run", "primes", "--to", "3000000", "--chunk", "100000", "--json"];
        var inProcess = await CliRunner.RunAsync(args);
        var isolated = await CliRunner.RunAsync([.. args, "--isolate", "processes=2"]);

        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.True(isolated.ExitCode == 0, isolated.ToString());
        using var a = JsonDocument.Parse(inProcess.Stdout);
        using var b = JsonDocument.Parse(isolated.Stdout);
        Assert.Equal(a.RootElement.GetProperty("results").GetRawText(), b.RootElement.GetProperty("results").GetRawText());
        Assert.Contains("216816", b.RootElement.GetProperty("results").GetRawText()); // π(3,000,000)
        Assert.Equal(30, b.RootElement.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task A_task_that_cannot_run_isolated_is_a_usage_error()
    {
        var log = _dir.File("access.log", "10.0.0.1 - - GET /\n"u8.ToArray());
        var result = await CliRunner.RunAsync("run", "ipcount", log, "--isolate", "processes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--isolate: task 'ipcount' runs in this process only (tasks that can run in worker processes: sumsq, primes, hash and plugin tasks)", result.Stderr);
    }
}
