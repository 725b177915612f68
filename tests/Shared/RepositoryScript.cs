using System.Diagnostics;

namespace ActorProc.Tests.Shared;

/// <summary>
/// Runs one of the repository's own set-up scripts (<c>.ci/start-postgres</c>, <c>.ci/install-chromium</c>)
/// when a spec needs a server or a browser that is not there yet, so that the README's plain
/// <c>dotnet test</c> works on a fresh machine too (the scripts install from Debian's packages; they need
/// root or sudo). Linked into the test projects that need it.
/// </summary>
internal static class RepositoryScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>.ci/NAME</c> from the repository that holds this test assembly and returns its standard output, trimmed.</summary>
    /// <exception cref="InvalidOperationException">The script is not found, or it failed (its standard error is in the message).</exception>
    public static string Run(string name)
    {
        var script = Find(name) ?? throw new InvalidOperationException($"Cannot find .ci/{name} above {AppContext.BaseDirectory}.");
        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(script))! };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {Limit.TotalMinutes:0} minutes.");
        }
        return process.ExitCode == 0
            ? stdout.Result.Trim()
            : throw new InvalidOperationException($"{script} exited with {process.ExitCode}:\n{stderr.Result}");
    }

    private static string? Find(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ".ci", name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
