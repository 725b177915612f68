using System.Text.Json;

namespace ActorProc.Cli.Tests;

public sealed class ReportAndJsonTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("hash")]
    [InlineData("ipcount")]
    [InlineData("wordcount")]
    [InlineData("primes")]
    [InlineData("sumsq")]
    public async Task Json_output_is_one_document_with_the_contract_fields(string task)
    {
        var file = _dir.File("in.log", "1.1.1.1 hello world\n2.2.2.2 hello\n"u8.ToArray());
        string[] args = task switch
        {
            "primes" => ["run", task, "--to", "1000"],
            "sumsq" => ["run", task, "--n", "1000", "--tasks", "3"],
            _ => ["run", task, file],
        };

        var result = await CliRunner.RunAsync([.. args, "--json", "--verbose"]); // --verbose logs go to stderr only

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout); // fails if stdout holds anything else
        var root = json.RootElement;
        Assert.Equal(task, root.GetProperty("task").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("succeeded").ValueKind);
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.True(root.GetProperty("elapsed_ms").GetDouble() >= 0);
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        switch (task)
        {
            case "hash":
                Assert.Equal(file, results[0].GetProperty("input").GetString());
                Assert.Matches("^[0-9a-f]{64}$", results[0].GetProperty("output").GetString());
                break;
            case "ipcount" or "wordcount":
                // ipcount: two addresses once each, ties by key; wordcount: "1" and "2" four times each (split on '.').
                Assert.Equal(task == "ipcount" ? "1.1.1.1" : "1", results[0].GetProperty("key").GetString());
                Assert.Equal(task == "ipcount" ? 1 : 4, results[0].GetProperty("count").GetInt32());
                Assert.Equal(2, root.GetProperty("lines").GetInt32());
                Assert.Equal(0, root.GetProperty("skipped").GetInt32());
                break;
            default:
                Assert.Equal(JsonValueKind.Number, Assert.Single(results).GetProperty("output").ValueKind);
                break;
        }
    }

    [Fact]
    public async Task Report_dir_lists_every_input_exactly_once()
    {
        var inputs = Enumerable.Range(0, 25).Select(i => _dir.File($"in/f{i:D2}.txt", [(byte)i])).ToList();
        var bad = Path.Combine(_dir.Path, "in", "unreadable.txt");
        Unreadable.Create(bad);
        var reports = Path.Combine(_dir.Path, "reports", "run-1"); // created, parents included

        var result = await CliRunner.RunAsync("run", "hash", "-r", Path.Combine(_dir.Path, "in"), "--report-dir", reports, "--quiet");

        Assert.True(result.ExitCode == 1, result.ToString());
        var succeeded = File.ReadAllLines(Path.Combine(reports, "succeeded.txt"));
        var failed = File.ReadAllLines(Path.Combine(reports, "failed.txt"));
        Assert.Equal(inputs.Order(StringComparer.Ordinal), succeeded.Order(StringComparer.Ordinal));
        var failure = Assert.Single(failed).Split('\t');
        Assert.Equal(bad, failure[0]);
        Assert.Equal("1", failure[1]);
        Assert.Equal(succeeded.Length + failed.Length, succeeded.Concat(failed.Select(f => f.Split('\t')[0])).Distinct().Count());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "report.json")));
        Assert.Equal(25, json.RootElement.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal(25, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Report_dir_of_a_count_task_lists_files()
    {
        var files = Enumerable.Range(0, 3).Select(i => _dir.File($"l{i}.log", "9.9.9.9 x\n"u8.ToArray())).ToList();
        var reports = Path.Combine(_dir.Path, "r");

        var result = await CliRunner.RunAsync(["run", "ipcount", .. files, "--report-dir", reports]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(files, File.ReadAllLines(Path.Combine(reports, "succeeded.txt")));
        Assert.Empty(File.ReadAllLines(Path.Combine(reports, "failed.txt")));
    }
}
