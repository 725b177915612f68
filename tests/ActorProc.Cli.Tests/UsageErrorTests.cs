namespace ActorProc.Cli.Tests;

/// <summary>Every usage or input error: exit 2, one line on stderr, no stack trace, nothing on stdout.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("frobnicate")]                                        // unknown command
    [InlineData("run", "sumsq", "--n", "10", "--no-such-option")]    // unknown option
    [InlineData("run", "nosuchtask", "x")]                            // unknown task, no --assembly
    [InlineData("run", "primes", "--to", "0")]                        // N < 1
    [InlineData("run", "primes", "--to", "ten")]                      // not a number
    [InlineData("run", "primes")]                                     // required option missing
    [InlineData("run", "sumsq", "--n", "10", "--workers", "0")]       // workers < 1
    [InlineData("run", "sumsq", "--n", "10", "--task-timeout", "30")] // duration without unit
    [InlineData("run", "sumsq", "--n", "10", "--deadline", "soon")]   // bad duration
    [InlineData("run", "sumsq", "--n", "10", "--router", "fastest")]  // not an allowed value
    [InlineData("run", "hash")]                                       // no path
    [InlineData("run", "hash", "x.txt", "--frobnicate")]              // unknown option after a path
    [InlineData("run", "ipcount", "x.log", "--chunk-size", "0")]      // size < 1
    [InlineData("run", "ipcount", "x.log", "--chunk-size", "1")]      // below the 16 KiB floor (1-byte ranges exhausted memory)
    [InlineData("run", "ipcount", "x.log", "--chunk-size", "2GiB")]   // above 1 GiB
    [InlineData("run", "sumsq", "--n", "10", "--config", "/no/such.conf")]
    public async Task Bad_input_exits_2_with_one_line_on_stderr(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("actorproc: ", HashCommandTests.OneLine(result.Stderr));
    }

    [Fact]
    public async Task A_malformed_config_file_is_reported_with_file_line_and_column()
    {
        var conf = Path.Combine(_dir.Path, "bad.conf");
        // Akka's parser accepts a missing '}' or value at the end of a file; a stray character it rejects, with its offset.
        File.WriteAllText(conf, "actorproc {\n  pool {\n    workers = 2\n    router = @round-robin\n  }\n}\n");

        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "10", "--config", conf);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"actorproc: {conf}:4:14: ", HashCommandTests.OneLine(result.Stderr));
    }

    [Fact]
    public async Task A_bad_pool_value_in_the_config_file_names_the_file_and_the_key()
    {
        var conf = Path.Combine(_dir.Path, "bad-value.conf");
        File.WriteAllText(conf, "actorproc.pool.task-timeout = soon\n");

        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "10", "--config", conf);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(conf, HashCommandTests.OneLine(result.Stderr));
        Assert.Contains("actorproc.pool.task-timeout", HashCommandTests.OneLine(result.Stderr));
    }

    [Fact]
    public async Task A_valid_config_file_is_used()
    {
        var conf = Path.Combine(_dir.Path, "good.conf");
        File.WriteAllText(conf, "actorproc.cpu-dispatcher.fork-join-executor.parallelism-max = 1\n");

        var result = await CliRunner.RunAsync("run", "sumsq", "--n", "100", "--tasks", "3", "--config", conf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("985050\n", result.Stdout);
    }

    [Fact]
    public async Task Help_lists_the_tasks_and_common_options()
    {
        var result = await CliRunner.RunAsync("run", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "hash", "ipcount", "wordcount", "primes", "sumsq", "--assembly", "--workers", "--report-dir", "--json" })
            Assert.Contains(word, result.Stdout);
    }
}
