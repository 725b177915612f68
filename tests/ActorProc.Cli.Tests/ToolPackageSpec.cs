using System.Diagnostics;

namespace ActorProc.Cli.Tests;

/// <summary>
/// The CLI as users get it: <c>dotnet pack</c> makes a .NET tool package, <c>dotnet tool install
/// --add-source</c> installs it, and the installed <c>actorproc</c> command runs. Packed from the CLI
/// already built for these tests (<c>--no-build</c>), installed into a temporary tool path from that
/// folder only (a NuGet config with no other source; a package cache of its own, so no stale copy of
/// the same version is picked up).
/// </summary>
public sealed class ToolPackageSpec
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_packed_tool_installs_and_its_command_prints_the_version_runs_a_job_and_completes()
    {
        using var temp = new TempDirectory();
        var feed = Path.Combine(temp.Path, "feed");
        var tools = Path.Combine(temp.Path, "tools");
        var nugetConfig = Path.Combine(temp.Path, "nuget.config");
        File.WriteAllText(nugetConfig, """<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>""");
        var isolatedCache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(temp.Path, "packages") };
        var informationalVersion = FileVersionInfo.GetVersionInfo(CliRunner.CliDll).ProductVersion!;
        var packageVersion = informationalVersion.Split('+')[0];

        var pack = await RunAsync(CliRunner.DotnetHost, ["pack", Path.Combine(CliRunner.RepositoryRoot, "src", "ActorProc.Cli", "ActorProc.Cli.csproj"),
            "-c", CliRunner.Configuration, "--no-build", "--no-restore", "-o", feed]);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Equal([$"ActorProc.Cli.{packageVersion}.nupkg"], Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName));

        var install = await RunAsync(CliRunner.DotnetHost, ["tool", "install", "--tool-path", tools, "--add-source", feed,
            "--configfile", nugetConfig, "ActorProc.Cli", "--version", packageVersion], isolatedCache);
        Assert.True(install.ExitCode == 0, install.ToString());
        var actorproc = Path.Combine(tools, OperatingSystem.IsWindows() ? "actorproc.exe" : "actorproc");

        var version = await RunAsync(actorproc, ["--version"]);
        var job = await RunAsync(actorproc, ["run", "primes", "--to", "1000"]);
        var completion = await RunAsync(actorproc, ["[suggest:12]", "actorproc ru"]);

        Assert.Equal((0, informationalVersion), (version.ExitCode, version.Stdout.Trim()));
        Assert.Equal((0, "168"), (job.ExitCode, job.Stdout.Trim())); // primes <= 1000
        Assert.Contains("primes completed: 1 range succeeded", job.Stderr);
        Assert.Equal((0, "run"), (completion.ExitCode, completion.Stdout.Trim()));
    }

    private static async Task<CliResult> RunAsync(string program, string[] args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The installed command's launcher finds the runtime through DOTNET_ROOT: the one running the tests.
        info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(ResolvedDotnet())!;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ACTORPROC__", StringComparison.OrdinalIgnoreCase)).ToArray())
            info.Environment.Remove(key);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        using var timeout = new CancellationTokenSource(Patience);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not exit within {Patience}.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The full path of the dotnet host (DotnetHost may be just "dotnet", found on the PATH).</summary>
    private static string ResolvedDotnet()
    {
        var host = CliRunner.DotnetHost;
        if (Path.IsPathRooted(host)) return new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = new FileInfo(Path.Combine(dir, host));
            if (candidate.Exists) return candidate.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate.FullName;
        }
        throw new FileNotFoundException($"{host} is not on the PATH.");
    }
}
