using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorProc.Core.Tests.Events;

/// <summary>One line as Microsoft.Extensions.Logging received it.</summary>
internal sealed record LoggedLine(string Category, Microsoft.Extensions.Logging.LogLevel Level, string Message, Exception? Exception);

/// <summary>A Microsoft.Extensions.Logging provider that records every line, for checking the logging bridge.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LoggedLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue(new LoggedLine(category, logLevel, formatter(state, exception), exception));
    }
}
