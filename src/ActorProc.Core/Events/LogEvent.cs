using System.Globalization;

namespace ActorProc.Core.Events;

/// <summary>Severity of a log event, lowest first.</summary>
public enum LogLevel
{
    /// <summary>Detail for debugging the runtime or an actor.</summary>
    Debug,
    /// <summary>Normal operation worth recording.</summary>
    Info,
    /// <summary>Something unexpected that the system handled.</summary>
    Warning,
    /// <summary>A failure.</summary>
    Error,
    /// <summary>Logging turned off (only valid as a configured level).</summary>
    Off,
}

/// <summary>
/// One log entry, published on the event stream (so tests can observe it) and written by the
/// configured sink (console or Microsoft.Extensions.Logging).
/// </summary>
public sealed class LogEvent
{
    private readonly string _template;
    private readonly object?[] _args;
    private string? _message;

    /// <summary>Creates a log event; the message is formatted lazily from <paramref name="template"/> ({0}-style) and <paramref name="args"/>.</summary>
    public LogEvent(LogLevel level, string logSource, Type logClass, string template, Exception? exception = null, params object?[] args)
    {
        Level = level;
        LogSource = logSource;
        LogClass = logClass;
        _template = template;
        _args = args;
        Exception = exception;
        Timestamp = DateTimeOffset.UtcNow;
        ThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>Severity.</summary>
    public LogLevel Level { get; }

    /// <summary>Where it was logged (usually an actor path).</summary>
    public string LogSource { get; }

    /// <summary>The type that logged it.</summary>
    public Type LogClass { get; }

    /// <summary>The exception, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>When it was logged.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The managed thread that logged it.</summary>
    public int ThreadId { get; }

    /// <summary>The formatted message.</summary>
    public string Message => _message ??= Format(_template, _args);

    private static string Format(string template, object?[] args)
    {
        if (args.Length == 0) return template;
        try
        {
            return string.Format(CultureInfo.InvariantCulture, template, args);
        }
        catch (FormatException)
        {
            return template + " [" + string.Join(", ", args) + "]";
        }
    }

    /// <summary>A one-line rendering: <c>[LEVEL][time][thread][source] message</c> and the exception.</summary>
    public override string ToString()
    {
        var line = $"[{Level.ToString().ToUpperInvariant()}][{Timestamp:yyyy-MM-dd HH:mm:ss.fff}][{ThreadId}][{LogSource}] {Message}";
        return Exception is null ? line : line + Environment.NewLine + Exception;
    }
}
