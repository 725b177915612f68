using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// A running <c>actorproc</c> process (a node, or a submit that is followed while it runs) whose stderr
/// lines are collected as they come, so a test can wait for a line (with a deadline) instead of sleeping.
/// Concurrency contract: lines arrive on the process's reader thread; <see cref="_gate"/> guards the lines
/// and the waiters; waiters are completed outside the lock (their continuations run asynchronously).
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;
    private readonly object _gate = new();
    private readonly List<string> _stderr = [];
    private readonly StringBuilder _stdout = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CliProcess(string name, string workingDirectory, params string[] args)
    {
        Name = name;
        Process = CliRunner.Start(workingDirectory, args);
        Process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        Process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _stdoutClosed.TrySetResult();
            else lock (_gate) _stdout.AppendLine(e.Data);
        };
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
    }

    public string Name { get; }

    public Process Process { get; }

    public string Stdout
    {
        get
        {
            lock (_gate) return _stdout.ToString();
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate) return string.Join('\n', _stderr);
        }
    }

    /// <summary>Waits for a stderr line that <paramref name="match"/> accepts (seen already or to come).</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/>, or the process exited first; the message holds its stderr.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_stderr.FirstOrDefault(match) is { } line) return line;
            _waiters.Add((match, found));
        }
        var finished = await Task.WhenAny(found.Task, _stderrClosed.Task, Task.Delay(timeout));
        if (finished == found.Task) return await found.Task;
        throw new TimeoutException($"{Name}: no line {what} within {timeout.TotalSeconds:0} s{(finished == _stderrClosed.Task ? " (the process ended)" : "")}.\n{Tail(Stderr)}");
    }

    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) =>
        WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), timeout, $"containing '{text}'");

    /// <summary>The exit code, once the process has exited and its output is read to the end.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0} s.\n{Tail(Stderr)}");
        }
        return Process.ExitCode;
    }

    /// <summary>kill -9: no leave, no flush; the cluster must notice on its own.</summary>
    public void Kill()
    {
        if (!Process.HasExited) Process.Kill();
    }

    /// <summary>SIGTERM: the graceful stop a container runtime or systemd sends.</summary>
    public void Terminate() => Assert.Equal(0, SendSignal(Process.Id, SigTerm));

    /// <summary>SIGSTOP: the process freezes (no heartbeats, no writes) as if cut off, without dying.</summary>
    public void Freeze() => Assert.Equal(0, SendSignal(Process.Id, SigStop));

    /// <summary>SIGCONT: a frozen process runs on from where it stopped.</summary>
    public void Thaw() => Assert.Equal(0, SendSignal(Process.Id, SigCont));

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        Process.Dispose();
    }

    public static string Tail(string text, int lines = 120)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            _stderrClosed.TrySetResult();
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
