using System.Diagnostics;
using System.Reflection;

namespace ActorProc.Dashboard.Tests.Browser;

/// <summary>
/// A running <c>actorproc</c> process (the built CLI under <c>dotnet</c>) whose stderr lines are kept, so
/// a spec can await a line instead of sleeping. Concurrency contract: lines arrive on the process's
/// reader thread; <see cref="_gate"/> guards the lines and the waiters, which are completed outside it.
/// </summary>
internal sealed class ActorprocProcess : IDisposable
{
    private readonly object _gate = new();
    private readonly List<string> _stderr = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActorprocProcess(string name, string workingDirectory, params string[] args)
    {
        Name = name;
        Assert.True(File.Exists(CliDll), $"The CLI is not built at {CliDll}.");
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("ACTORPROC_", StringComparison.OrdinalIgnoreCase)))
            info.Environment.Remove(key); // a developer's overrides must not change what the specs see
        Process = Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
        Process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        Process.OutputDataReceived += (_, _) => { };
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
    }

    public static string CliDll { get; } = Metadata("CliDll");

    public static string PluginDll { get; } = Metadata("PluginDll");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    private static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public string Name { get; }

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (_gate) return string.Join('\n', _stderr);
        }
    }

    /// <summary>Waits for a stderr line containing <paramref name="text"/> (seen already or to come).</summary>
    /// <exception cref="TimeoutException">None in time, or the process ended first; the message holds its stderr.</exception>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Match(string line) => line.Contains(text, StringComparison.Ordinal);
        lock (_gate)
        {
            if (_stderr.FirstOrDefault(Match) is { } line) return line;
            _waiters.Add((Match, found));
        }
        var finished = await Task.WhenAny(found.Task, _closed.Task, Task.Delay(timeout));
        if (finished == found.Task) return await found.Task;
        throw new TimeoutException($"{Name}: no line containing '{text}' within {timeout.TotalSeconds:0} s{(finished == _closed.Task ? " (the process ended)" : "")}.\n{Tail()}");
    }

    /// <summary>The exit code once the process has ended.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
            await _closed.Task.WaitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0} s.\n{Tail()}");
        }
        return Process.ExitCode;
    }

    /// <summary>kill -9: no leave, no flush; the cluster must notice on its own.</summary>
    public void Kill()
    {
        if (!Process.HasExited) Process.Kill();
    }

    public string Tail(int lines = 80)
    {
        var all = Stderr.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // already reaped
        }
        Process.Dispose();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            _closed.TrySetResult();
            return;
        }
        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _stderr.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(line)) continue;
                matched.Add(_waiters[i].Found);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var found in matched) found.TrySetResult(line);
    }

    private static string Metadata(string key) =>
        typeof(ActorprocProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
