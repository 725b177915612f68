using System.Diagnostics;
using System.Reflection;

namespace ActorProc.Cli.Tests;

/// <summary>What one run of the CLI produced.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Stdout">Everything written to stdout.</param>
/// <param name="Stderr">Everything written to stderr.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Starts the built CLI (<c>dotnet ActorProc.Cli.dll ...</c>) with stdout and stderr redirected, so it
/// runs exactly as in a pipe: no progress bar, plain output.
/// </summary>
public static class CliRunner
{
    /// <summary>Only bounds a hung process; normal runs take well under a second or two.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string CliDll { get; } = Metadata("CliDll");

    public static string PluginDll { get; } = Metadata("PluginDll");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The <c>dotnet</c> host: the one running the tests when known.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<CliResult> RunAsync(params string[] args) => RunInAsync(null, args);

    public static async Task<CliResult> RunInAsync(string? workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        return await CompleteAsync(process);
    }

    /// <summary>Starts the CLI without waiting (for tests that signal it).</summary>
    /// <summary>Whether CLI processes start through <c>env --default-signal</c> (GNU coreutils ≥ 8.31, Linux).</summary>
    private static readonly bool ResetSignals = OperatingSystem.IsLinux() && File.Exists("/usr/bin/env");

    public static Process Start(string? workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(CliDll), $"The CLI is not built at {CliDll}.");
        var info = new ProcessStartInfo(ResetSignals ? "/usr/bin/env" : DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (ResetSignals)
        {
            // A test run started in the background (`.ci/run &`, nohup) hands its children SIGINT and
            // SIGQUIT ignored, and the runtime keeps an inherited SIG_IGN: the Ctrl+C specs would signal
            // a process that cannot hear them. env resets them and execs dotnet (same pid, so `kill` works).
            info.ArgumentList.Add("--default-signal=INT,QUIT,TERM");
            info.ArgumentList.Add(DotnetHost);
        }
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // A developer's ACTORPROC__ overrides must not change what the tests see.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("ACTORPROC__", StringComparison.OrdinalIgnoreCase)))
            info.Environment.Remove(key);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
    }

    /// <summary>Reads both streams to the end and waits for the exit.</summary>
    public static async Task<CliResult> CompleteAsync(Process process, Task<string>? stderrAlreadyRead = null, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = stderrAlreadyRead ?? process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The CLI did not exit within {limit ?? Timeout}.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Metadata(string key) =>
        typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
