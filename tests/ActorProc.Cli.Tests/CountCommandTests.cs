using System.Text.Json;

namespace ActorProc.Cli.Tests;

public sealed class CountCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(null)]        // automatic ranges
    [InlineData("64KiB")]     // many ranges: boundaries fall inside lines, inside the 10 MB line
    public async Task Ipcount_equals_a_LINQ_GroupBy_over_the_same_files(string? chunkSize)
    {
        var files = new[]
        {
            _dir.File("a.log", LogFiles.AccessLog(1, 5_000)),
            _dir.File("b with space.log", LogFiles.AccessLog(2, 3_000, longLineAddress: "192.0.2.99")),
            _dir.File("empty.log", []),
        };
        var lines = files.SelectMany(f => LogFiles.NonBlankLines(File.ReadAllBytes(f))).ToList();
        var expected = LogFiles.Ranked(lines.Select(LogFiles.FirstField).OfType<string>());

        string[] args = ["run", "ipcount", .. files, "--json", .. chunkSize is null ? Array.Empty<string>() : ["--chunk-size", chunkSize]];
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(expected, Results(root));
        Assert.Equal(lines.Count, root.GetProperty("lines").GetInt64());
        Assert.Equal(lines.Count(l => LogFiles.FirstField(l) is null), root.GetProperty("skipped").GetInt64());
        Assert.Equal(3, root.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Wordcount_equals_a_LINQ_GroupBy_over_the_same_files()
    {
        var files = new[] { _dir.File("one.txt", LogFiles.Text(3, 4_000)), _dir.File("two.txt", LogFiles.Text(4, 1_000)) };
        var lines = files.SelectMany(f => LogFiles.NonBlankLines(File.ReadAllBytes(f))).ToList();
        var expected = LogFiles.Ranked(lines.SelectMany(LogFiles.Words));

        var result = await CliRunner.RunAsync("run", "wordcount", files[0], files[1], "--json", "--chunk-size", "32KiB");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(expected, Results(json.RootElement));
        Assert.Equal(lines.Count, json.RootElement.GetProperty("lines").GetInt64());
        Assert.Equal(lines.Count(l => !LogFiles.Words(l).Any()), json.RootElement.GetProperty("skipped").GetInt64());
    }

    [Fact]
    public async Task Top_keeps_the_most_frequent_keys_in_order_and_text_output_is_count_tab_key()
    {
        var file = _dir.File("a.log", LogFiles.AccessLog(5, 2_000));
        var expected = LogFiles.Ranked(LogFiles.NonBlankLines(File.ReadAllBytes(file)).Select(LogFiles.FirstField).OfType<string>()).Take(3);

        var result = await CliRunner.RunAsync("run", "ipcount", file, "--top", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected.Select(p => $"{p.Count}\t{p.Key}"), result.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task The_sample_access_log_is_counted()
    {
        var sample = Path.Combine(CliRunner.RepositoryRoot, "samples", "logs", "access.log");
        var lines = LogFiles.NonBlankLines(File.ReadAllBytes(sample)).ToList();
        var expected = LogFiles.Ranked(lines.Select(LogFiles.FirstField).OfType<string>());

        var result = await CliRunner.RunAsync("run", "ipcount", sample, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(expected, Results(json.RootElement));
        Assert.True(json.RootElement.GetProperty("skipped").GetInt64() > 0, "the sample has whitespace-only lines");
    }

    [Fact]
    public async Task An_unreadable_log_is_an_error_and_the_other_logs_are_still_counted()
    {
        var good = _dir.File("good.log", "1.1.1.1 a\n2.2.2.2 b\n1.1.1.1 c\n"u8.ToArray());
        var bad = Path.Combine(_dir.Path, "bad.log");
        var osMessage = Unreadable.Create(bad);

        var result = await CliRunner.RunAsync("run", "ipcount", good, bad, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal([("1.1.1.1", 2L), ("2.2.2.2", 1L)], Results(json.RootElement));
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(bad, error.GetProperty("input").GetString());
        Assert.Contains(osMessage, error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_missing_log_among_good_ones_is_a_failed_input_and_the_rest_are_counted()
    {
        // Regression: one nonexistent path used to abort the whole run with exit 2, counting nothing.
        var good = _dir.File("good.log", "1.1.1.1 a\n2.2.2.2 b\n1.1.1.1 c\n"u8.ToArray());
        var missing = Path.Combine(_dir.Path, "missing.log");

        var result = await CliRunner.RunAsync("run", "ipcount", missing, good, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal([("1.1.1.1", 2L), ("2.2.2.2", 1L)], Results(json.RootElement));
        Assert.Equal(1, json.RootElement.GetProperty("succeeded").GetInt32());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(missing, error.GetProperty("input").GetString());
        Assert.Contains("No such file or directory", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_help_and_the_README_give_the_same_chunk_size_range_as_the_parser()
    {
        // Regression: --help said 1-32 MiB while the code and the README said 1-128 MiB.
        var help = await CliRunner.RunAsync("run", "ipcount", "--help");
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "src", "ActorProc.Cli", "README.md"));

        Assert.Contains("16KiB-1GiB", help.Stdout);
        Assert.Contains("1MiB-128MiB", help.Stdout);
        Assert.Contains("16 KiB–1 GiB", readme);
        Assert.Contains("1–128 MiB", readme);
        var below = await CliRunner.RunAsync("run", "ipcount", "x.log", "--chunk-size", "16383");
        var floor = await CliRunner.RunAsync("run", "ipcount", _dir.File("f.log", "1.1.1.1 x\n"u8.ToArray()), "--chunk-size", "16KiB", "-q");
        Assert.Equal(2, below.ExitCode);
        Assert.True(floor.ExitCode == 0, floor.ToString());
    }

    [Fact]
    public async Task A_directory_is_an_input_error()
    {
        var result = await CliRunner.RunAsync("run", "wordcount", _dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", HashCommandTests.OneLine(result.Stderr));
    }

    private static List<(string Key, long Count)> Results(JsonElement root) =>
        root.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("key").GetString()!, r.GetProperty("count").GetInt64())).ToList();
}
