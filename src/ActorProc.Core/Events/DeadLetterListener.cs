namespace ActorProc.Core.Events;

/// <summary>
/// Logs dead letters and unhandled messages, rate-limited: the first <c>log-dead-letters</c> are
/// logged one by one; after that, one summary line per <c>log-dead-letters-suspend-duration</c> says
/// how many were suppressed. Every dead letter is still published on the event stream.
/// Concurrency contract: called on publishers' threads; counters are Interlocked, the summary window
/// start is swapped with CAS so exactly one thread writes each summary.
/// </summary>
internal sealed class DeadLetterListener
{
    private readonly ILoggingAdapter _log;
    private readonly int _maxLogged;
    private readonly long _suspendTicks;
    private readonly TimeProvider _time;
    private readonly Func<bool> _isShuttingDown;
    private readonly bool _logDuringShutdown;
    private long _count;
    private long _suppressed;
    private long _windowStart;

    public DeadLetterListener(ActorSystem system, int maxLogged, TimeSpan suspendDuration, bool logDuringShutdown)
    {
        _log = system.Logging.GetLogger("deadLetters", typeof(DeadLetterListener));
        _maxLogged = maxLogged;
        _suspendTicks = suspendDuration.Ticks;
        _time = system.TimeProvider;
        _isShuttingDown = () => system.IsTerminating;
        _logDuringShutdown = logDuringShutdown;
        _windowStart = _time.GetUtcNow().UtcTicks;
        system.EventStream.Subscribe<IAllDeadLetters>(OnDeadLetter);
    }

    private void OnDeadLetter(IAllDeadLetters letter)
    {
        if (_maxLogged <= 0 || (!_logDuringShutdown && _isShuttingDown())) return;
        var n = Interlocked.Increment(ref _count);
        if (n <= _maxLogged)
        {
            var kind = letter is UnhandledMessage ? "Unhandled message" : "Dead letter";
            var reason = letter is DeadLetter { Reason: { } r } ? $" ({r})" : "";
            _log.Info("{0} {1}/{2}: {3} from {4} to {5} was not delivered{6}.{7}", kind, n, _maxLogged,
                letter.Message.GetType().Name, letter.Sender, letter.Recipient, reason,
                n == _maxLogged ? " Further dead letters are summarized periodically (actorproc.log-dead-letters)." : "");
            return;
        }
        Interlocked.Increment(ref _suppressed);
        var now = _time.GetUtcNow().UtcTicks;
        var start = Volatile.Read(ref _windowStart);
        if (now - start >= _suspendTicks && Interlocked.CompareExchange(ref _windowStart, now, start) == start)
        {
            var suppressed = Interlocked.Exchange(ref _suppressed, 0);
            _log.Info("{0} dead letters were not logged in the last {1}", suppressed, TimeSpan.FromTicks(now - start));
        }
    }
}
