using System.Text.Json;

namespace ActorProc.Cli.Tests;

/// <summary>The plugin sample (samples/PluginTasks, built with this project) run through <c>--assembly</c>.</summary>
public sealed class PluginTaskTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_sample_sync_task_runs_each_input_and_a_bad_input_fails_only_itself()
    {
        var result = await CliRunner.RunAsync("run", "collatz", "27", "97", "abc", "--assembly", CliRunner.PluginDll, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("collatz", root.GetProperty("task").GetString());
        var outputs = root.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("input").GetString()!, r => r.GetProperty("output").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["27"] = 111, ["97"] = 118 }, outputs);
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal("abc", error.GetProperty("input").GetString());
        Assert.Contains("FormatException", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_sample_async_task_returns_a_json_object_per_input()
    {
        var file = _dir.File("a.txt", "one two\nthree\n"u8.ToArray());
        var list = _dir.File("inputs.txt", System.Text.Encoding.UTF8.GetBytes(file + "\n"));

        var result = await CliRunner.RunAsync("run", "file-stats", "--inputs-from", list, "--assembly", CliRunner.PluginDll, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var output = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("output");
        Assert.Equal(14, output.GetProperty("Bytes").GetInt64());
        Assert.Equal(2, output.GetProperty("Lines").GetInt64());
        Assert.Equal(3, output.GetProperty("Words").GetInt64());
    }

    [Fact]
    public async Task An_unknown_plugin_task_is_a_usage_error_that_lists_the_tasks()
    {
        var result = await CliRunner.RunAsync("run", "nope", "1", "--assembly", CliRunner.PluginDll);

        Assert.Equal(2, result.ExitCode);
        var line = HashCommandTests.OneLine(result.Stderr);
        Assert.Contains("collatz", line);
        Assert.Contains("file-stats", line);
    }

    [Fact]
    public async Task A_file_that_is_not_an_assembly_is_a_usage_error()
    {
        var notDll = _dir.File("not.dll", "hello"u8.ToArray());

        var result = await CliRunner.RunAsync("run", "collatz", "1", "--assembly", notDll);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot load it as a .NET assembly", HashCommandTests.OneLine(result.Stderr));
    }
}
