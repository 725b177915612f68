namespace ActorProc.Cli.Tests.Chaos;

/// <summary>Bad input to <c>actorproc chaos</c> exits 2 with a message naming the option and why, before any node starts.</summary>
public sealed class ChaosUsageTests
{
    [Theory]
    [InlineData("--nodes 2", "a fault needs at least 3 nodes")]
    [InlineData("--faults kill,boom", "--faults: unknown fault 'boom'")]
    [InlineData("--nodes 3 --cluster 127.0.0.1:1", "--nodes and --cluster exclude each other")]
    [InlineData("--cluster 127.0.0.1:1", "with --cluster give --faults none")]
    [InlineData("--kill-every 2s --restart-after 5s", "--restart-after 5s must be shorter than --kill-every 2s")]
    [InlineData("--nodes 3 --spare 3", "--spare 3 leaves no node of 3 to fault")]
    [InlineData("--journal mysql:x", "--journal mysql:x: expected sqlite:PATH or postgres:CONNECTION-STRING")]
    [InlineData("--config /nonexistent/node.conf", "--config /nonexistent/node.conf: no such file")]
    [InlineData("--duration 5", "--duration")]
    public async Task Unusable_options_exit_2_naming_the_problem(string arguments, string message)
    {
        var result = await CliRunner.RunAsync(["chaos", .. arguments.Split(' ')]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
