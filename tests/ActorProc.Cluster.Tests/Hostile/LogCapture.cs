using System.Text;
using System.Text.RegularExpressions;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// Captures standard error, where the nodes' <see cref="ActorProc.Logging.StandardErrorLogger"/> writes one
/// log event per <c>WriteLine</c>, for the duration of a spec. Standard error is process-wide, so the specs
/// that use it run in <see cref="HostileCollection"/>, never beside other specs.
/// <para>Concurrency contract: loggers of several actor systems write from their own threads; every member locks.</para>
/// </summary>
internal sealed partial class LogCapture : TextWriter
{
    private readonly TextWriter _original = Console.Error;
    private readonly List<string> _events = [];
    private readonly StringBuilder _partial = new();
    private readonly List<(Func<LogCapture, bool> Condition, TaskCompletionSource Seen)> _waiters = [];

    public LogCapture() => Console.SetError(this);

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Log events written so far (one string each, possibly several lines with a stack trace).</summary>
    public IReadOnlyList<string> Events
    {
        get { lock (_events) return _events.ToArray(); }
    }

    public override void WriteLine(string? value)
    {
        lock (_events)
        {
            _partial.Append(value);
            _events.Add(_partial.ToString());
            _partial.Clear();
        }
        _original.WriteLine(value); // still visible in the test output
        Signal();
    }

    public override void Write(char value)
    {
        lock (_events)
        {
            if (value == '\n') { _events.Add(_partial.ToString()); _partial.Clear(); }
            else if (value != '\r') _partial.Append(value);
        }
        _original.Write(value);
    }

    /// <summary>Completes when <paramref name="condition"/> holds (checked now and after every event written).</summary>
    public Task WhenAsync(Func<LogCapture, bool> condition, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((condition, seen));
        Signal(); // it may hold already
        return seen.Task.WaitAsync(timeout);
    }

    private void Signal()
    {
        List<(Func<LogCapture, bool> Condition, TaskCompletionSource Seen)> waiters;
        lock (_waiters) waiters = [.. _waiters];
        foreach (var waiter in waiters.Where(w => w.Condition(this)))
        {
            lock (_waiters) _waiters.Remove(waiter);
            waiter.Seen.TrySetResult();
        }
    }

    /// <summary>
    /// How many events of one kind were accounted for: full lines (events without a "(N more ...)" suffix)
    /// plus the N of every summary line.
    /// </summary>
    public (int FullLines, int Summarized) Count(Func<string, bool> ofKind)
    {
        var full = 0;
        var summarized = 0;
        foreach (var e in Events.Where(ofKind))
        {
            var summary = SummarySuffix().Match(e);
            if (summary.Success) summarized += int.Parse(summary.Groups[1].Value);
            else full++;
        }
        return (full, summarized);
    }

    [GeneratedRegex(@"\((\d+) more in the last [0-9.]+ s\)")]
    private static partial Regex SummarySuffix();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Console.SetError(_original);
        base.Dispose(disposing);
    }
}
