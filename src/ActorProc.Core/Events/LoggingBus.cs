using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ActorProc.Core.Events;

/// <summary>
/// The system's logging: creates loggers, publishes their events on the event stream, and writes
/// them to the sink (Microsoft.Extensions.Logging when the system was given a logger factory, the
/// console otherwise). Tests mute expected events (see the TestKit's EventFilter).
/// Concurrency contract: thread-safe; mute filters live in an immutable list swapped atomically, and
/// the console sink serializes writes with a lock so lines never interleave.
/// </summary>
public sealed class LoggingBus
{
    private readonly EventStream _stream;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly object _consoleGate = new();
    private ImmutableList<Func<LogEvent, bool>> _mutes = ImmutableList<Func<LogEvent, bool>>.Empty;

    internal LoggingBus(EventStream stream, LogLevel level, ILoggerFactory? loggerFactory)
    {
        _stream = stream;
        Level = level;
        _loggerFactory = loggerFactory;
        _stream.Subscribe<LogEvent>(Write);
    }

    /// <summary>The minimum level that is logged (from <c>actorproc.loglevel</c>).</summary>
    public LogLevel Level { get; set; }

    /// <summary>A logger for the given source (usually an actor path) and class.</summary>
    public ILoggingAdapter GetLogger(string source, Type logClass) => new BusLogger(this, source, logClass);

    /// <summary>Stops writing events matching <paramref name="mute"/> (they are still published); dispose to undo.</summary>
    public IDisposable Mute(Func<LogEvent, bool> mute)
    {
        ArgumentNullException.ThrowIfNull(mute);
        ImmutableInterlocked.Update(ref _mutes, list => list.Add(mute));
        return new Unmute(this, mute);
    }

    internal void Publish(LogEvent logEvent) => _stream.Publish(logEvent);

    private void Write(LogEvent e)
    {
        foreach (var mute in Volatile.Read(ref _mutes))
            if (mute(e)) return;
        if (_loggerFactory is not null)
        {
            var logger = _loggerFactory.CreateLogger(e.LogSource);
            logger.Log(ToMel(e.Level), 0, e.Exception, "{Message}", e.Message);
            return;
        }
        lock (_consoleGate)
        {
            // Errors and warnings go to stderr so that commands printing results on stdout stay parseable.
            var writer = e.Level >= LogLevel.Warning ? Console.Error : Console.Out;
            writer.WriteLine(e.ToString());
        }
    }

    private static MelLogLevel ToMel(LogLevel level) => level switch
    {
        LogLevel.Debug => MelLogLevel.Debug,
        LogLevel.Info => MelLogLevel.Information,
        LogLevel.Warning => MelLogLevel.Warning,
        LogLevel.Error => MelLogLevel.Error,
        _ => MelLogLevel.None,
    };

    /// <summary>Parses a configured level name (DEBUG, INFO, WARNING, ERROR, OFF; case-insensitive).</summary>
    /// <exception cref="ConfigurationException">The name is not a level.</exception>
    public static LogLevel ParseLevel(string name, string configPath) => name.Trim().ToUpperInvariant() switch
    {
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Info,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "OFF" => LogLevel.Off,
        _ => throw new ConfigurationException($"{configPath}: '{name}' is not a log level; expected DEBUG, INFO, WARNING, ERROR or OFF", configPath, null, 0, 0),
    };

    private sealed class Unmute(LoggingBus bus, Func<LogEvent, bool> mute) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref bus._mutes, list => list.Remove(mute));
    }
}
