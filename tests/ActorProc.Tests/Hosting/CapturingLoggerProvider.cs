using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorProc.Tests.Hosting;

/// <summary>An ILoggerProvider that keeps every entry and lets a test await the first entry that matches.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentBag<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Found)> _waiters = [];

    public IReadOnlyCollection<LogEntry> Entries => _entries.ToArray();

    /// <summary>The first entry (already logged or still to come) that <paramref name="match"/> accepts.</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match)
    {
        var found = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((match, found));
        // An entry logged before the waiter was added is looked for after adding it, so none is missed.
        foreach (var entry in _entries)
            if (match(entry)) found.TrySetResult(entry);
        return found.Task;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        foreach (var (match, found) in _waiters)
            if (!found.Task.IsCompleted && match(entry)) found.TrySetResult(entry);
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
