using System.Diagnostics;

namespace ActorProc.Bench.Harness;

/// <summary>
/// A child process that runs beside the bench (a cluster node) whose stderr lines are kept with the
/// time each arrived, so a scenario can wait for a line with a deadline instead of sleeping, and can
/// later ask when something was logged.
/// Concurrency contract: lines arrive on the process's reader thread; <see cref="_gate"/> guards the
/// lines and the waiters; waiters are completed outside the lock (continuations run asynchronously).
/// </summary>
internal sealed class WatchedProcess : IDisposable
{
    private readonly object _gate = new();
    private readonly List<(long Timestamp, string Line)> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process _process;

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>; stdout is discarded.</summary>
    public WatchedProcess(string name, string program, IEnumerable<string> arguments, string workingDirectory)
    {
        Name = name;
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>A label for messages ("node1 :4053").</summary>
    public string Name { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits for a stderr line that <paramref name="match"/> accepts (seen already or to come).</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/>, or the process ended first; the message holds its stderr's tail.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var (_, line) in _lines)
            {
                if (match(line)) return line;
            }

            _waiters.Add((match, found));
        }

        var finished = await Task.WhenAny(found.Task, _closed.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished == found.Task) return await found.Task.ConfigureAwait(false);
        throw new TimeoutException($"{Name}: no line {what} within {timeout.TotalSeconds:0} s{(finished == _closed.Task ? " (the process ended)" : "")}.\n{Tail()}");
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first line containing <paramref name="text"/> at or after <paramref name="since"/>, or null.</summary>
    public long? FirstLineAt(string text, long since)
    {
        lock (_gate)
        {
            foreach (var (timestamp, line) in _lines)
            {
                if (timestamp >= since && line.Contains(text, StringComparison.Ordinal)) return timestamp;
            }
        }

        return null;
    }

    /// <summary>The last lines of stderr, for failure messages.</summary>
    public string Tail(int count = 40)
    {
        lock (_gate)
        {
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)).Select(l => l.Line));
        }
    }

    /// <summary>kill -9 (SIGKILL): no leave, no flush. Returns the <see cref="Stopwatch"/> timestamp taken just before.</summary>
    public long Kill()
    {
        var at = Stopwatch.GetTimestamp();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        return at;
    }

    /// <summary>Kills the process if it still runs and releases it.</summary>
    public void Dispose()
    {
        try
        {
            Kill();
            _process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // already reaped
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _closed.TrySetResult();
            return;
        }

        var now = Stopwatch.GetTimestamp();
        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _lines.Add((now, line));
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(line)) continue;
                matched.Add(_waiters[i].Found);
                _waiters.RemoveAt(i);
            }
        }

        foreach (var found in matched) found.TrySetResult(line);
    }
}
