namespace ActorProc.Cli.Tests;

/// <summary>The <c>[suggest]</c> directive: what shells (through dotnet-suggest or a completion function) are offered.</summary>
public sealed class ShellCompletionTests
{
    [Theory]
    [InlineData("[suggest:12]", "actorproc ru", "run")]                                   // as a bash function passes COMP_LINE
    [InlineData("[suggest:6]", "run pr", "primes")]                                       // as dotnet-suggest passes it (name stripped)
    [InlineData("[suggest]", "actorproc run hash --algorithm sha", "sha1\nsha256\nsha512")] // option values; no position = the end
    [InlineData("[suggest:13]", "actorproc sub --json", "submit")]                          // the word at the position, not the last one
    public async Task The_directive_prints_the_completions_of_the_word_at_the_position(string directive, string line, string expected)
    {
        var result = await CliRunner.RunAsync(directive, line);

        Assert.Equal((0, expected, ""), (result.ExitCode, result.Stdout.Trim().ReplaceLineEndings("\n"), result.Stderr));
    }

    [Fact]
    public async Task A_position_past_the_end_of_the_line_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("[suggest:40]", "actorproc ru");

        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("actorproc: [suggest:40]: the position must be an offset within the command line to complete (0 to 12).", result.Stderr.Trim());
    }
}
