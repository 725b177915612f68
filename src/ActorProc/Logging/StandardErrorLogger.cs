using Akka.Dispatch;

namespace ActorProc.Logging;

/// <summary>
/// An Akka logger (listed in <c>akka.loggers</c>) that writes log events to standard error, one line
/// each, so that the standard output of a program using ActorProc carries only what the program prints.
/// Used by the actor systems ActorProc creates itself; register it in your own system's
/// <c>akka.loggers</c> to get the same behaviour.
/// <para>
/// Repeated warnings and errors are rate-limited: of the warnings or errors of one kind (level, log class,
/// message template, exception type), the first in each <c>actorproc.logging.repeat-interval</c> (default
/// 10 s) is written, the rest are counted, and one summary line ends the interval:
/// <c>"... (17 more in the last 10 s)"</c>. Debug and info lines are never limited, nor are warnings whose message
/// starts with a prefix in <c>actorproc.logging.never-limit</c> (membership changes). <c>off</c> writes every line.
/// </para>
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    internal const string RepeatIntervalKey = "actorproc.logging.repeat-interval";
    internal const string NeverLimitKey = "actorproc.logging.never-limit";

    /// <summary>The never-limited prefixes of a system whose configuration lacks the key (as in <c>actorproc.conf</c>): ActorProc's membership lines.</summary>
    internal static readonly IReadOnlyList<string> DefaultNeverLimit = ["actorproc cluster:"];

    /// <summary>The repeat interval of a system whose configuration lacks the key (as in <c>actorproc.conf</c>).</summary>
    internal static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromSeconds(10);

    private readonly RepeatedLogLimiter? _limiter;
    private readonly List<LogEvent> _toWrite = new(2);
    private ICancelable? _flushTimer;

    /// <summary>Creates the logger; Akka does this for every entry of <c>akka.loggers</c>.</summary>
    public StandardErrorLogger()
    {
        var interval = RepeatInterval(Context.System.Settings.Config);
        _limiter = interval is { } i ? new RepeatedLogLimiter(i, NeverLimit(Context.System.Settings.Config)) : null;

        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        if (_limiter is null)
        {
            Receive<LogEvent>(e => StandardErrorMinimalLogger.Write(e));
            return;
        }
        Receive<LogEvent>(e =>
        {
            _limiter.Offer(e, _toWrite);
            WritePending();
        });
        Receive<FlushRepeats>(_ =>
        {
            _limiter.Flush(_toWrite);
            WritePending();
        });
    }

    /// <summary>Starts the timer that ends the limiter's intervals (twice per interval, so a summary is at most half an interval late).</summary>
    protected override void PreStart()
    {
        if (_limiter is null) return;
        var period = _limiter.Interval / 2;
        _flushTimer = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(period, period, Self, FlushRepeats.Instance, Self);
    }

    /// <summary>Writes the summaries of every open interval, so that no count is lost when the system stops.</summary>
    protected override void PostStop()
    {
        _flushTimer?.Cancel();
        if (_limiter is null) return;
        _limiter.Flush(_toWrite, all: true);
        WritePending();
    }

    private void WritePending()
    {
        foreach (var e in _toWrite) StandardErrorMinimalLogger.Write(e);
        _toWrite.Clear();
    }

    /// <summary>The configured repeat interval, or null when limiting is off (<c>off</c> or 0).</summary>
    internal static TimeSpan? RepeatInterval(Akka.Configuration.Config config)
    {
        if (!config.HasPath(RepeatIntervalKey)) return DefaultRepeatInterval; // a user's system without actorproc.conf
        var raw = config.GetString(RepeatIntervalKey);
        if (raw is "off" or "false" or "no") return null;
        var interval = config.GetTimeSpan(RepeatIntervalKey);
        return interval > TimeSpan.Zero ? interval : null;
    }

    /// <summary>Message prefixes of warnings and errors that are never limited.</summary>
    internal static IReadOnlyList<string> NeverLimit(Akka.Configuration.Config config) =>
        config.HasPath(NeverLimitKey) ? [.. config.GetStringList(NeverLimitKey)] : DefaultNeverLimit;

    private sealed class FlushRepeats
    {
        public static readonly FlushRepeats Instance = new();
    }
}
