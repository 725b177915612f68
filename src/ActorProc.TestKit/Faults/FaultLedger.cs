namespace ActorProc.TestKit.Faults;

/// <summary>
/// What a plan has seen: calls numbered in the order they started, attempts per input, the faults
/// injected, and the fault (if any) of each input's latest call.
/// <para>
/// Concurrency contract: workers call <see cref="Begin"/> and <see cref="Record"/> from any thread; tests
/// read the snapshots from theirs. The call counter is Interlocked; everything else is guarded by
/// <see cref="_gate"/>, which is never held while user code (a selector, the work) runs.
/// </para>
/// </summary>
internal sealed class FaultLedger<TIn>
{
    private readonly object _gate = new();
    private readonly Dictionary<InputKey, int> _attempts = [];
    private readonly Dictionary<InputKey, InjectedFault<TIn>?> _latest = [];
    private readonly Dictionary<InputKey, long> _latestCall = [];
    private readonly List<InjectedFault<TIn>> _injected = [];
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Numbers a new call of <paramref name="input"/>: its global call number and its attempt for that input.</summary>
    public (long Call, int Attempt) Begin(TIn input)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (_gate)
        {
            var key = new InputKey(input);
            var attempt = _attempts.GetValueOrDefault(key) + 1;
            _attempts[key] = attempt;
            return (call, attempt);
        }
    }

    /// <summary>Records what the plan decided for a call (null: no fault).</summary>
    public void Record(long call, TIn input, InjectedFault<TIn>? fault)
    {
        lock (_gate)
        {
            if (fault is not null) _injected.Add(fault);
            var key = new InputKey(input);
            // A later attempt may have started before this one got here; the latest call decides the expectation.
            if (_latestCall.GetValueOrDefault(key) > call) return;
            _latestCall[key] = call;
            _latest[key] = fault;
        }
    }

    public IReadOnlyList<InjectedFault<TIn>> Injected
    {
        get
        {
            lock (_gate) return _injected.OrderBy(f => f.Call).ToArray();
        }
    }

    public int CallsOf(TIn input)
    {
        lock (_gate) return _attempts.GetValueOrDefault(new InputKey(input));
    }

    /// <summary>Whether <paramref name="input"/> was ever called, and the fault of its latest call.</summary>
    public bool TryGetLatest(TIn input, out InjectedFault<TIn>? fault)
    {
        lock (_gate) return _latest.TryGetValue(new InputKey(input), out fault);
    }

    /// <summary>A dictionary key for any input, null included (dictionaries refuse null keys).</summary>
    private readonly record struct InputKey(TIn Value);
}
