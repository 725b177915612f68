using System.Text;
using System.Text.RegularExpressions;

namespace ActorProc.Logging;

/// <summary>
/// Rate-limits repeated warnings and errors: of the events of one <em>kind</em>, the first is written and
/// the rest within <see cref="Interval"/> are counted; when the interval is over, one summary line says how
/// many were left out (<c>"... (17 more in the last 10 s)"</c>). A node under attack (garbage at its port,
/// a connection flood, failing TLS handshakes) thus logs one line per kind of rejection per interval, not
/// one per connection, and every other noisy repeated warning benefits too.
/// <para>
/// The kind of an event is its level, its log class, its message template (the format string of a
/// structured message; for a plain string message the text with runs of digits folded, so that ports and
/// ids do not make every line new) and the types of its exception and the exception's innermost cause.
/// Debug and Info events are never limited: they pass through without a look-up, so the common path stays
/// a level check. Neither are warnings whose message (template) starts with one of the never-limited
/// prefixes: state changes such as a member becoming unreachable, where each line is news. At most <see cref="MaxKinds"/> kinds are tracked at once; events of further kinds pass
/// through unlimited until the table has room again (so memory stays bounded and nothing is lost).
/// </para>
/// <para>
/// Concurrency contract: not thread-safe. One owner (the <see cref="StandardErrorLogger"/> actor) calls
/// every member from one thread at a time.
/// </para>
/// </summary>
internal sealed partial class RepeatedLogLimiter
{
    /// <summary>Kinds tracked at once; beyond this, events of new kinds are written unlimited.</summary>
    public const int MaxKinds = 1024;

    private readonly Dictionary<Kind, Window> _windows = new();
    private readonly Func<DateTime> _now;
    private readonly string[] _neverLimited;

    /// <param name="interval">How long after a written event further events of its kind are only counted (&gt; 0).</param>
    /// <param name="neverLimited">Message (template) prefixes of warnings and errors that are always written; null = none.</param>
    /// <param name="now">The clock (UTC); tests pass their own.</param>
    public RepeatedLogLimiter(TimeSpan interval, IEnumerable<string>? neverLimited = null, Func<DateTime>? now = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The repeat interval must be positive (turn limiting off by not using a limiter).");
        Interval = interval;
        _neverLimited = neverLimited?.Where(p => p.Length > 0).ToArray() ?? [];
        _now = now ?? (() => DateTime.UtcNow);
    }

    /// <summary>How long after a written event further events of its kind are only counted.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Kinds currently tracked (for tests and diagnostics).</summary>
    public int TrackedKinds => _windows.Count;

    /// <summary>
    /// Decides about one event: adds to <paramref name="write"/> what to write now, in order: the summary
    /// of the event's kind if its interval is over and events were left out, then the event itself if it
    /// is the first of its kind in a new interval. A left-out event adds nothing.
    /// </summary>
    public void Offer(LogEvent e, List<LogEvent> write)
    {
        var level = e.LogLevel();
        if (level < LogLevel.WarningLevel)
        {
            write.Add(e);
            return;
        }

        var kind = Kind.Of(e, level);
        if (IsNeverLimited(kind.Template))
        {
            write.Add(e);
            return;
        }
        var now = _now();
        if (_windows.TryGetValue(kind, out var window))
        {
            if (now - window.Start < Interval)
            {
                window.Suppressed++;
                window.Last = e;
                return;
            }
            if (window.Suppressed > 0) write.Add(Summary(window));
            _windows[kind] = new Window(now);
            write.Add(e);
            return;
        }

        if (_windows.Count < MaxKinds) _windows[kind] = new Window(now);
        write.Add(e);
    }

    /// <summary>
    /// Ends the intervals that are over (or every interval, when <paramref name="all"/>, e.g. when the
    /// logger stops): adds a summary for each kind with left-out events and forgets those kinds.
    /// </summary>
    public void Flush(List<LogEvent> write, bool all = false)
    {
        var now = _now();
        List<Kind>? ended = null;
        foreach (var (kind, window) in _windows)
        {
            if (!all && now - window.Start < Interval) continue;
            if (window.Suppressed > 0) write.Add(Summary(window));
            (ended ??= []).Add(kind);
        }
        foreach (var kind in ended ?? []) _windows.Remove(kind);
    }

    private bool IsNeverLimited(string template)
    {
        foreach (var prefix in _neverLimited)
            if (template.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private LogEvent Summary(Window window)
    {
        var last = window.Last!;
        var text = new StringBuilder(FirstLine(last.Message?.ToString()));
        if (last.Cause is { } cause) text.Append(": ").Append(cause.GetType().FullName).Append(": ").Append(FirstLine(cause.Message));
        text.Append($" ({window.Suppressed} more in the last {Interval.TotalSeconds:0.###} s)");
        var message = text.ToString();
        return last switch
        {
            Error => new Error(null, last.LogSource, last.LogClass, message),
            _ => new Warning(last.LogSource, last.LogClass, message),
        };
    }

    private static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    /// <summary>What makes two events "the same" for the limiter.</summary>
    private readonly record struct Kind(LogLevel Level, Type? LogClass, string Template, Type? Cause, Type? InnerCause)
    {
        public static Kind Of(LogEvent e, LogLevel level)
        {
            var template = e.Message switch
            {
                LogMessage structured => structured.Format,
                null => "",
                var other => Digits().Replace(other.ToString() ?? "", "#"),
            };
            var inner = e.Cause?.GetBaseException();
            return new Kind(level, e.LogClass, template, e.Cause?.GetType(), inner?.GetType());
        }
    }

    private sealed class Window(DateTime start)
    {
        public DateTime Start { get; } = start;
        public int Suppressed { get; set; }
        public LogEvent? Last { get; set; }
    }
}
