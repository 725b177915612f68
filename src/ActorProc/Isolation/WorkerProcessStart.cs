namespace ActorProc.Isolation;

/// <summary>
/// Ways to start a worker program, for <see cref="WorkerIsolation.StartInfo"/>. The pool adds its own
/// environment variables (parent address, secret, parent pid) to whatever is returned, and redirects the
/// child's standard output to the parent's standard error (a child must not write into the parent's results).
/// </summary>
public static class WorkerProcessStart
{
    /// <summary>
    /// The "spawn" pattern (the default): the current program again, with <paramref name="arguments"/>.
    /// A program started by the <c>dotnet</c> host is re-launched as <c>dotnet &lt;entry assembly&gt;</c>. The
    /// program must call <see cref="WorkerProcess.RunAsync"/> first thing in <c>Main</c> when
    /// <see cref="WorkerProcess.IsWorker"/> is true.
    /// </summary>
    /// <exception cref="InvalidOperationException">The current program's path is unknown.</exception>
    public static ProcessStartInfo CurrentProgram(params string[] arguments)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The current program's path is unknown; set WorkerIsolation.StartInfo.");
        var info = new ProcessStartInfo(path);
        if (IsDotnetHost(path))
        {
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry)) throw new InvalidOperationException("The entry assembly's path is unknown; set WorkerIsolation.StartInfo.");
            info.ArgumentList.Add(entry);
        }
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    /// <summary>
    /// A worker program given as a built .NET assembly (<c>dotnet &lt;assemblyPath&gt; arguments…</c>): the
    /// host running this process when it is <c>dotnet</c>, else <c>DOTNET_HOST_PATH</c>, else <c>dotnet</c> on the PATH.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="assemblyPath"/> is empty.</exception>
    public static ProcessStartInfo ForAssembly(string assemblyPath, params string[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        var info = new ProcessStartInfo(DotnetHost());
        info.ArgumentList.Add(Path.GetFullPath(assemblyPath));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && IsDotnetHost(current)) return current;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static bool IsDotnetHost(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
