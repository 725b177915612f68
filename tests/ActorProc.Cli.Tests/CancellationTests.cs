using System.Diagnostics;
using System.Text.Json;

namespace ActorProc.Cli.Tests;

public sealed class CancellationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ctrl_C_cancels_gracefully_writes_the_report_and_exits_130()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT is sent with kill(1)
        var reports = Path.Combine(_dir.Path, "r");
        // 64 tasks of several seconds each: far longer than the test waits.
        using var process = CliRunner.Start(null, "run", "sumsq", "--n", "3000000000", "--tasks", "64", "--verbose", "--report-dir", reports, "--json");
        var stderr = new System.Text.StringBuilder();
        // The CLI says "starting" on stderr (with --verbose) after its Ctrl+C handler is installed.
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.AppendLine(line);
            if (line.Contains("sumsq: starting", StringComparison.Ordinal)) break;
        }
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();

        var result = await CliRunner.CompleteAsync(process, ReadRest(process, stderr));

        Assert.True(result.ExitCode == 130, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("cancelled", json.RootElement.GetProperty("outcome").GetString());
        Assert.True(json.RootElement.GetProperty("failed").GetInt32() > 0);
        var succeeded = File.ReadAllLines(Path.Combine(reports, "succeeded.txt"));
        var failed = File.ReadAllLines(Path.Combine(reports, "failed.txt"));
        Assert.Equal(64, succeeded.Length + failed.Length);
        Assert.Contains("cancelled", failed[0]);
    }

    private static async Task<string> ReadRest(Process process, System.Text.StringBuilder before) =>
        before + await process.StandardError.ReadToEndAsync();
}
