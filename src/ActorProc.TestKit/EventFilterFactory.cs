using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

/// <summary>
/// Builds <see cref="EventFilter"/>s: expectations on log events and dead letters that also keep the
/// matching events out of the test output. Get it from <see cref="TestKit.EventFilter"/>, e.g.
/// <c>EventFilter.Exception&lt;InvalidOperationException&gt;(contains: "boom").ExpectOne(() => actor.Tell("fail"));</c>
/// <para>
/// Text criteria: <c>message</c> must equal, and <c>contains</c> must occur in, the event's message or the
/// message of its exception; <c>source</c> must equal the event's source (an actor path such as
/// <c>actorproc://sys/user/a</c>, or a name such as <c>deadLetters</c>). Criteria left null match anything.
/// Events below <c>actorproc.loglevel</c> are never published, so a Debug filter needs <c>loglevel = DEBUG</c>.
/// </para>
/// </summary>
public sealed class EventFilterFactory
{
    private readonly TestKitContext _context;

    internal EventFilterFactory(TestKitContext context) => _context = context;

    /// <summary>Matches log events (of any level) whose exception, or one of its inner exceptions, is a <typeparamref name="TException"/>.</summary>
    public EventFilter Exception<TException>(string? message = null, string? contains = null, string? source = null)
        where TException : Exception =>
        Exception(typeof(TException), message, contains, source);

    /// <summary>Matches log events (of any level) whose exception, or one of its inner exceptions, is an <paramref name="exceptionType"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="exceptionType"/> is not an exception type.</exception>
    public EventFilter Exception(Type exceptionType, string? message = null, string? contains = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        if (!typeof(Exception).IsAssignableFrom(exceptionType))
            throw new ArgumentException($"{exceptionType} is not an exception type.", nameof(exceptionType));
        var text = new TextCriteria(message, contains, source);
        return LogFilter($"Exception<{Describe.Type(exceptionType)}>{text}",
            e => HasException(e.Exception, exceptionType) && text.Matches(e));
    }

    /// <summary>Matches Error-level log events.</summary>
    public EventFilter Error(string? message = null, string? contains = null, string? source = null) => Level(LogLevel.Error, message, contains, source);

    /// <summary>Matches Warning-level log events.</summary>
    public EventFilter Warning(string? message = null, string? contains = null, string? source = null) => Level(LogLevel.Warning, message, contains, source);

    /// <summary>Matches Info-level log events.</summary>
    public EventFilter Info(string? message = null, string? contains = null, string? source = null) => Level(LogLevel.Info, message, contains, source);

    /// <summary>Matches Debug-level log events (published only when <c>actorproc.loglevel = DEBUG</c>).</summary>
    public EventFilter Debug(string? message = null, string? contains = null, string? source = null) => Level(LogLevel.Debug, message, contains, source);

    /// <summary>Matches <see cref="Core.Events.DeadLetter"/>s whose message is a <typeparamref name="TMessage"/> (and satisfies <paramref name="predicate"/>). Their log lines are muted too.</summary>
    public EventFilter DeadLetter<TMessage>(Predicate<TMessage>? predicate = null) =>
        LetterFilter<TMessage>("DeadLetter", letter => letter is Core.Events.DeadLetter, predicate);

    /// <summary>Matches every <see cref="Core.Events.DeadLetter"/>. Their log lines are muted too.</summary>
    public EventFilter DeadLetter() => DeadLetter<object>();

    /// <summary>Matches <see cref="UnhandledMessage"/>s whose message is a <typeparamref name="TMessage"/> (and satisfies <paramref name="predicate"/>). Their log lines are muted too.</summary>
    public EventFilter Unhandled<TMessage>(Predicate<TMessage>? predicate = null) =>
        LetterFilter<TMessage>("Unhandled", letter => letter is UnhandledMessage, predicate);

    private EventFilter Level(LogLevel level, string? message, string? contains, string? source)
    {
        var text = new TextCriteria(message, contains, source);
        return LogFilter($"{level}{text}", e => e.Level == level && text.Matches(e));
    }

    private EventFilter LogFilter(string description, Func<LogEvent, bool> match) =>
        new(_context, description, match, letterMatch: null, logMute: match);

    private EventFilter LetterFilter<TMessage>(string kind, Func<IAllDeadLetters, bool> isKind, Predicate<TMessage>? predicate)
    {
        var typeName = Describe.Type(typeof(TMessage));
        var everyType = typeof(TMessage) == typeof(object);
        // The dead-letter listener logs "<kind> n/m: <TypeName> from ..." from source "deadLetters"; we cannot tie a
        // log line to its letter, so we mute the lines that name the message type.
        var lineTypeName = typeof(TMessage).Name;
        return new EventFilter(_context, $"{kind}<{typeName}>{(predicate is null ? "" : "(predicate)")}",
            logMatch: null,
            letterMatch: letter => isKind(letter) && letter.Message is TMessage m && (predicate is null || predicate(m)),
            logMute: e => e.LogSource == "deadLetters" && (everyType || e.Message.Contains(": " + lineTypeName + " from", StringComparison.Ordinal)));
    }

    private static bool HasException(Exception? exception, Type type)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (type.IsInstanceOfType(e)) return true;
        return false;
    }

    /// <summary>The optional text criteria shared by all log filters.</summary>
    private sealed record TextCriteria(string? Message, string? Contains, string? Source)
    {
        public bool Matches(LogEvent e) =>
            (Source is null || string.Equals(e.LogSource, Source, StringComparison.Ordinal)) &&
            (Message is null || e.Message == Message || e.Exception?.Message == Message) &&
            (Contains is null || e.Message.Contains(Contains, StringComparison.Ordinal) ||
                (e.Exception?.Message.Contains(Contains, StringComparison.Ordinal) ?? false));

        public override string ToString()
        {
            var parts = new List<string>(3);
            if (Message is not null) parts.Add($"message: \"{Message}\"");
            if (Contains is not null) parts.Add($"contains: \"{Contains}\"");
            if (Source is not null) parts.Add($"source: \"{Source}\"");
            return parts.Count == 0 ? "" : $"({string.Join(", ", parts)})";
        }
    }
}
