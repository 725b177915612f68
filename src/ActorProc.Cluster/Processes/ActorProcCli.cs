using System.Diagnostics;

namespace ActorProc.Cluster.Processes;

/// <summary>
/// How to start the <c>actorproc</c> command: the built <c>ActorProc.Cli.dll</c> through the <c>dotnet</c>
/// host, or an executable (the installed tool, an apphost). Used by <see cref="LocalCluster"/> and the
/// TestKit's cluster fixture to start node processes.
/// </summary>
public sealed record ActorProcCli
{
    /// <summary>The file name of the CLI's assembly, looked for by <see cref="Locate"/>.</summary>
    public const string AssemblyFileName = "ActorProc.Cli.dll";

    /// <summary>The environment variable <see cref="Locate"/> reads when no path is given.</summary>
    public const string EnvironmentVariable = "ACTORPROC_CLI";

    private ActorProcCli(string path, bool isAssembly)
    {
        Path = path;
        IsAssembly = isAssembly;
    }

    /// <summary>The CLI's assembly or executable, as an absolute path.</summary>
    public string Path { get; }

    /// <summary>True when <see cref="Path"/> is an assembly run by the <c>dotnet</c> host.</summary>
    public bool IsAssembly { get; }

    /// <summary>
    /// The CLI at <paramref name="path"/>: an <c>.dll</c> is run by the <c>dotnet</c> host (the one running
    /// this process when known), anything else is executed directly.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static ActorProcCli FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"The actorproc CLI is not at {full} (build src/ActorProc.Cli, or give the path of ActorProc.Cli.dll or of the actorproc executable).", full);
        return new ActorProcCli(full, full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Finds the CLI: <paramref name="explicitPath"/> when given; else the <c>ACTORPROC_CLI</c> environment
    /// variable; else <c>ActorProc.Cli.dll</c> next to this process's assemblies (a test project that
    /// references the <c>ActorProc.Cli</c> project has it in its output directory).
    /// </summary>
    /// <exception cref="FileNotFoundException">None of them exists; the message names every place looked at.</exception>
    public static ActorProcCli Locate(string? explicitPath = null)
    {
        if (explicitPath is not null) return FromPath(explicitPath);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment) return FromPath(fromEnvironment);
        var nextToUs = System.IO.Path.Combine(AppContext.BaseDirectory, AssemblyFileName);
        if (File.Exists(nextToUs)) return FromPath(nextToUs);
        throw new FileNotFoundException(
            $"The actorproc CLI was not found: no path was given, {EnvironmentVariable} is not set, and there is no {AssemblyFileName} in {AppContext.BaseDirectory} "
            + "(reference the ActorProc.Cli project from the test project, or pass the CLI's path).", nextToUs);
    }

    /// <summary>The start information for <c>actorproc ARGS</c> with stdout and stderr redirected.</summary>
    internal ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        // A process started from a background job (`cmd &`, nohup) inherits SIGINT and SIGQUIT ignored,
        // and the runtime keeps an inherited SIG_IGN: a node could not be stopped with Ctrl+C's signal.
        // env (GNU coreutils >= 8.31) resets them and execs the CLI under the same pid, so signals sent
        // to the pid reach the CLI itself.
        var resetSignals = OperatingSystem.IsLinux() && File.Exists("/usr/bin/env");
        var program = IsAssembly ? DotnetHost() : Path;
        var info = new ProcessStartInfo(resetSignals ? "/usr/bin/env" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (resetSignals)
        {
            info.ArgumentList.Add("--default-signal=INT,QUIT,TERM");
            info.ArgumentList.Add(program);
        }
        if (IsAssembly) info.ArgumentList.Add(Path);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
