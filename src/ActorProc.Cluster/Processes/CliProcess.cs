using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ActorProc.Cluster.Processes;

/// <summary>
/// A running <c>actorproc</c> process (a node, or a command such as <c>submit</c>) whose stderr lines are
/// collected as they come, so a caller can wait for a line with a deadline instead of sleeping, and read
/// the log when something went wrong. It can be killed (SIGKILL), paused (SIGSTOP), resumed (SIGCONT) and
/// asked to stop (SIGTERM); its memory is read from <c>/proc</c>.
/// <para>
/// Concurrency contract: lines arrive on the process's reader threads; a lock guards the lines, the
/// stdout text and the waiters; waiters are completed outside the lock (their continuations run
/// asynchronously). Every other member may be called from any thread. The log keeps the last
/// <see cref="MaxLines"/> stderr lines (a node in a long chaos run logs for hours); line numbers keep
/// counting.
/// </para>
/// </summary>
public sealed class CliProcess : IDisposable
{
    /// <summary>How many stderr lines are kept (the oldest are dropped beyond it).</summary>
    public const int MaxLines = 20_000;

    private readonly object _gate = new();
    private readonly Queue<string> _stderr = new();
    private readonly StringBuilder _stdout = new();
    private readonly List<Waiter> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StreamWriter? _log;
    private long _lineCount;
    private int _killed;

    /// <summary>Starts <c>actorproc ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="cli">The CLI to start.</param>
    /// <param name="name">A name for logs and errors (e.g. <c>node1 :4053</c>).</param>
    /// <param name="workingDirectory">The process's working directory.</param>
    /// <param name="arguments">The command and its options.</param>
    /// <param name="environment">Variables to set (a null value removes one); null = inherit as is.</param>
    /// <param name="logFile">A file that receives every stderr line as well (all of them, unlike <see cref="Stderr"/>); null = none.</param>
    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    public CliProcess(ActorProcCli cli, string name, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? logFile = null)
    {
        ArgumentNullException.ThrowIfNull(cli);
        Name = name;
        LogFile = logFile;
        _log = logFile is null ? null : new StreamWriter(logFile, append: true) { AutoFlush = true };
        var info = cli.StartInfo(workingDirectory, arguments);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }
        Arguments = [.. info.ArgumentList];
        Process = Process.Start(info) ?? throw new InvalidOperationException($"{name}: the process could not be started.");
        StartedAt = DateTimeOffset.UtcNow;
        Process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        Process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _stdoutClosed.TrySetResult();
            else lock (_gate) _stdout.AppendLine(e.Data);
        };
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
    }

    /// <summary>The name given at start.</summary>
    public string Name { get; }

    /// <summary>The file that receives every stderr line, or null.</summary>
    public string? LogFile { get; }

    /// <summary>The command line as started (the host, the CLI and the arguments).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The .NET process (its id, exit code).</summary>
    public Process Process { get; }

    /// <summary>The process id.</summary>
    public int Id => Process.Id;

    /// <summary>When the process was started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => Process.HasExited;

    /// <summary>False once it has exited or <see cref="Kill"/> was called (SIGKILL is sent at once; the exit is seen a moment later).</summary>
    public bool IsRunning => Volatile.Read(ref _killed) == 0 && !Process.HasExited;

    /// <summary>Everything written to stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_gate) return _stdout.ToString();
        }
    }

    /// <summary>The stderr lines kept so far (at most <see cref="MaxLines"/>), joined by '\n'.</summary>
    public string Stderr
    {
        get
        {
            lock (_gate) return string.Join('\n', _stderr);
        }
    }

    /// <summary>How many stderr lines have arrived so far (dropped ones included): a mark for <see cref="WaitForLineAsync(Func{string, bool}, TimeSpan, string, long)"/>.</summary>
    public long LineCount
    {
        get
        {
            lock (_gate) return _lineCount;
        }
    }

    /// <summary>
    /// Waits for a stderr line that <paramref name="match"/> accepts, among the lines numbered
    /// <paramref name="fromLine"/> and later (seen already, if still kept, or to come).
    /// </summary>
    /// <param name="match">Which line.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="what">The line as the error message should describe it ("containing 'x'").</param>
    /// <param name="fromLine">Only lines from this number on (see <see cref="LineCount"/>); 0 = all.</param>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/>, or the process's stderr closed first; the message holds the log's tail.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what, long fromLine = 0)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = new Waiter(match, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            var first = _lineCount - _stderr.Count;
            var number = first;
            foreach (var line in _stderr)
            {
                if (number++ >= fromLine && match(line)) return line;
            }
            _waiters.Add(waiter);
        }
        using var timer = new CancellationTokenSource();
        var finished = await Task.WhenAny(waiter.Found.Task, _stderrClosed.Task, Task.Delay(timeout, timer.Token)).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        if (finished == waiter.Found.Task) return await waiter.Found.Task.ConfigureAwait(false);
        lock (_gate) _waiters.Remove(waiter);
        if (waiter.Found.Task.IsCompleted) return await waiter.Found.Task.ConfigureAwait(false);
        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
            $"{Name}: no line {what} within {timeout.TotalSeconds:0.#} s{(finished == _stderrClosed.Task ? " (the process ended)" : "")}.\n{Tail()}"));
    }

    /// <summary>Waits for a stderr line containing <paramref name="text"/> (from line <paramref name="fromLine"/> on).</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/>, or the process ended first.</exception>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout, long fromLine = 0) =>
        WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), timeout, $"containing '{text}'", fromLine);

    /// <summary>The exit code, once the process has exited and its output is read to the end.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Name} did not exit within {timeout.TotalSeconds:0.#} s.\n{Tail()}"));
        }
        return Process.ExitCode;
    }

    /// <summary>SIGKILL (kill -9): no leave, no flush; the cluster must notice by itself. Nothing when it has exited.</summary>
    public void Kill()
    {
        Volatile.Write(ref _killed, 1);
        try
        {
            if (!Process.HasExited) Process.Kill();
        }
        catch (InvalidOperationException)
        {
            // exited between the check and the kill
        }
    }

    /// <summary>SIGTERM: the graceful stop a container runtime or systemd sends (a node leaves the cluster).</summary>
    /// <exception cref="InvalidOperationException">The signal could not be sent (the process is gone).</exception>
    public void Terminate() => Signals.Send(Id, Signals.Term);

    /// <summary>SIGSTOP: the process freezes (no heartbeats, no writes) as if cut off, without dying.</summary>
    /// <exception cref="InvalidOperationException">The signal could not be sent (the process is gone).</exception>
    public void Pause() => Signals.Send(Id, Signals.Stop);

    /// <summary>SIGCONT: a paused process runs on from where it stopped.</summary>
    /// <exception cref="InvalidOperationException">The signal could not be sent (the process is gone).</exception>
    public void Resume() => Signals.Send(Id, Signals.Continue);

    /// <summary>
    /// The resident set size in bytes (<c>VmRSS</c> of <c>/proc/PID/status</c>), or null when the process
    /// has exited or <c>/proc</c> is not there (not Linux).
    /// </summary>
    public long? ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Id}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kib = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // exited (or never had a /proc entry)
        }
        return null;
    }

    /// <summary>The last <paramref name="lines"/> stderr lines, joined by '\n'.</summary>
    public string Tail(int lines = 120)
    {
        lock (_gate) return string.Join('\n', _stderr.Skip(Math.Max(0, _stderr.Count - lines)));
    }

    /// <summary>Kills the process if it still runs (a paused one too) and releases it.</summary>
    public void Dispose()
    {
        Kill();
        Process.Dispose();
        lock (_gate) _log?.Dispose();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            lock (_gate) _log?.Dispose();
            _stderrClosed.TrySetResult();
            return;
        }
        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _log?.WriteLine(line);
            _stderr.Enqueue(line);
            _lineCount++;
            if (_stderr.Count > MaxLines) _stderr.Dequeue();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(line)) continue;
                matched.Add(_waiters[i].Found);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var found in matched) found.TrySetResult(line);
    }

    private sealed record Waiter(Func<string, bool> Match, TaskCompletionSource<string> Found);
}
