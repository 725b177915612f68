namespace ActorProc.Core.Events;

/// <summary>
/// Logging for actors and the runtime (<c>Context.GetLogger()</c>). Messages use {0}-style
/// placeholders and are formatted only when the level is enabled.
/// </summary>
public interface ILoggingAdapter
{
    /// <summary>True when events of <paramref name="level"/> are logged.</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Logs at <paramref name="level"/>.</summary>
    void Log(LogLevel level, Exception? exception, string template, params object?[] args);

    /// <summary>Logs a debug message.</summary>
    void Debug(string template, params object?[] args);

    /// <summary>Logs an informational message.</summary>
    void Info(string template, params object?[] args);

    /// <summary>Logs a warning.</summary>
    void Warning(string template, params object?[] args);

    /// <summary>Logs a warning with an exception.</summary>
    void Warning(Exception exception, string template, params object?[] args);

    /// <summary>Logs an error.</summary>
    void Error(string template, params object?[] args);

    /// <summary>Logs an error with an exception.</summary>
    void Error(Exception exception, string template, params object?[] args);
}

/// <summary>An adapter that publishes to the system's logging bus.</summary>
internal sealed class BusLogger(LoggingBus bus, string source, Type logClass) : ILoggingAdapter
{
    public bool IsEnabled(LogLevel level) => level >= bus.Level && level != LogLevel.Off;

    public void Log(LogLevel level, Exception? exception, string template, params object?[] args)
    {
        if (IsEnabled(level)) bus.Publish(new LogEvent(level, source, logClass, template, exception, args));
    }

    public void Debug(string template, params object?[] args) => Log(LogLevel.Debug, null, template, args);
    public void Info(string template, params object?[] args) => Log(LogLevel.Info, null, template, args);
    public void Warning(string template, params object?[] args) => Log(LogLevel.Warning, null, template, args);
    public void Warning(Exception exception, string template, params object?[] args) => Log(LogLevel.Warning, exception, template, args);
    public void Error(string template, params object?[] args) => Log(LogLevel.Error, null, template, args);
    public void Error(Exception exception, string template, params object?[] args) => Log(LogLevel.Error, exception, template, args);
}
