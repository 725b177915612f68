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

    [Fact]
    public async Task Sigterm_stops_an_ipcount_over_the_smallest_ranges_of_a_huge_file_and_exits_130()
    {
        // Regression: `ipcount big.log --chunk-size 1` planned a task per byte (24 GB) and SIGTERM did not
        // stop it. A sparse 64 GiB file in 16 KiB ranges is four million ranges, far more than the test
        // waits for: the ranges must be produced lazily for the job to start at all, and SIGTERM must end it.
        if (OperatingSystem.IsWindows()) return;
        var log = Path.Combine(_dir.Path, "huge.log");
        using (var file = File.Create(log)) file.SetLength(64L << 30);
        using var process = CliRunner.Start(null, "run", "ipcount", log, "--chunk-size", "16KiB", "--verbose", "--json");
        var stderr = await WaitForLine(process, "bytes in ranges of 16,384 bytes"); // planned: the job is next
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();

        var result = await CliRunner.CompleteAsync(process, ReadRest(process, stderr));

        Assert.True(result.ExitCode == 130, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("cancelled", json.RootElement.GetProperty("outcome").GetString());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(log, error.GetProperty("input").GetString());
    }

    [Fact]
    public async Task Ctrl_C_with_quiet_prints_no_line_per_cancelled_input()
    {
        // Regression: with -q, a Ctrl+C printed one "cancelled" line per unfinished input (2,098 of them).
        if (OperatingSystem.IsWindows()) return;
        // --verbose only to know when the handler is installed; -q still silences the cancel notices and inputs.
        using var process = CliRunner.Start(null, "run", "sumsq", "--n", "3000000000", "--tasks", "500", "-q", "--verbose");
        var stderr = await WaitForLine(process, "sumsq: starting");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();

        var result = await CliRunner.CompleteAsync(process, process.StandardError.ReadToEndAsync());

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.DoesNotContain("cancelled", result.Stderr);
        Assert.DoesNotContain("interrupted", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>Reads stderr up to and including the first line containing <paramref name="marker"/>.</summary>
    private static async Task<System.Text.StringBuilder> WaitForLine(Process process, string marker)
    {
        var stderr = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal)) break;
        }
        return stderr;
    }

    private static async Task<string> ReadRest(Process process, System.Text.StringBuilder before) =>
        before + await process.StandardError.ReadToEndAsync();
}
