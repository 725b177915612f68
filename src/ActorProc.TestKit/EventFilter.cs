using System.Diagnostics;
using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

/// <summary>
/// An expectation on log events or dead letters, built by <see cref="EventFilterFactory"/>. While it is
/// active, matching log events are muted (published on the event stream but not written to the console
/// or logger), so expected failures do not clutter the test output.
/// <para>
/// Concurrency contract: a filter is immutable and reusable; each Expect call has its own counter, fed by
/// an event-stream subscription on the publishers' threads (Interlocked count, semaphore signal) and read
/// by the test thread.
/// </para>
/// </summary>
public sealed class EventFilter
{
    private readonly TestKitContext _context;
    private readonly string _description;
    private readonly Func<LogEvent, bool>? _logMatch;
    private readonly Func<IAllDeadLetters, bool>? _letterMatch;
    private readonly Func<LogEvent, bool> _logMute;

    internal EventFilter(TestKitContext context, string description, Func<LogEvent, bool>? logMatch,
        Func<IAllDeadLetters, bool>? letterMatch, Func<LogEvent, bool> logMute)
    {
        _context = context;
        _description = description;
        _logMatch = logMatch;
        _letterMatch = letterMatch;
        _logMute = logMute;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event (waiting up to <c>actorproc.test.default-timeout</c> for it).</summary>
    /// <exception cref="TestKitAssertionException">None arrived in time, or more than one did.</exception>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>The asynchronous form of <see cref="ExpectOne"/>.</summary>
    /// <exception cref="TestKitAssertionException">None arrived in time, or more than one did.</exception>
    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, action);

    /// <summary>
    /// Runs <paramref name="action"/> and expects exactly <paramref name="occurrences"/> matching events: it waits
    /// until that many were seen (up to <c>actorproc.test.default-timeout</c>, or the enclosing Within's remaining
    /// time), then watches a short settle window (<c>expect-no-message-default</c>) for extras.
    /// </summary>
    /// <exception cref="TestKitAssertionException">Too few arrived in time, or too many.</exception>
    public void Expect(int occurrences, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        ArgumentNullException.ThrowIfNull(action);
        using var counter = Start();
        action();
        // Blocks the test thread; see Sync for why that is safe.
        Sync.Run(counter.VerifyAsync(occurrences));
    }

    /// <summary>The asynchronous form of <see cref="Expect"/>.</summary>
    /// <exception cref="TestKitAssertionException">Too few arrived in time, or too many.</exception>
    public async Task ExpectAsync(int occurrences, Func<Task> action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        ArgumentNullException.ThrowIfNull(action);
        using var counter = Start();
        await action().ConfigureAwait(false);
        await counter.VerifyAsync(occurrences).ConfigureAwait(false);
    }

    /// <summary>Mutes matching log events (and, for dead-letter filters, their log lines) until the result is disposed.</summary>
    public IDisposable Mute() => _context.System.Logging.Mute(_logMute);

    /// <inheritdoc />
    public override string ToString() => _description;

    private Counter Start() => new(this);

    /// <summary>Counts the matching events of one Expect call.</summary>
    private sealed class Counter : IDisposable
    {
        private readonly EventFilter _filter;
        private readonly SemaphoreSlim _seen = new(0);
        private readonly IDisposable _subscription;
        private readonly IDisposable _mute;
        private int _count;

        public Counter(EventFilter filter)
        {
            _filter = filter;
            var stream = filter._context.System.EventStream;
            _mute = filter.Mute();
            _subscription = filter._logMatch is { } logMatch
                ? stream.Subscribe<LogEvent>(e => { if (logMatch(e)) Seen(); })
                : stream.Subscribe<IAllDeadLetters>(e => { if (filter._letterMatch!(e)) Seen(); });
        }

        private void Seen()
        {
            Interlocked.Increment(ref _count);
            _seen.Release();
        }

        public async Task VerifyAsync(int occurrences)
        {
            var context = _filter._context;
            var wait = context.Resolve(null, context.Settings.DefaultTimeout);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < occurrences; i++)
            {
                var left = wait - Stopwatch.GetElapsedTime(started);
                if (left < TimeSpan.Zero) left = TimeSpan.Zero;
                if (!await _seen.WaitAsync(left).ConfigureAwait(false))
                    throw new TestKitAssertionException($"expected {occurrences} event(s) matching {_filter} within {TestKitContext.Ms(wait)} but saw {Volatile.Read(ref _count)}");
            }
            // Settle window: extras usually arrive right after the expected ones.
            if (await _seen.WaitAsync(context.Settings.ExpectNoMessageDefault).ConfigureAwait(false))
                throw new TestKitAssertionException($"expected exactly {occurrences} event(s) matching {_filter} but saw {Volatile.Read(ref _count)}");
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _mute.Dispose();
        }
    }
}
