namespace ActorProc.TestKit.Faults;

/// <summary>
/// Your work wrapped with faults (built by <see cref="FaultPlan.For{TIn,TOut}(Func{TIn,TOut})"/>): run
/// <see cref="Work"/> (or <see cref="AsyncWork"/>) on a pool instead of the original, then assert on the
/// report (<c>report.ShouldMatch(plan)</c>) and on <see cref="Injected"/>. Dispose the plan at the end
/// of the test (<c>using var plan = …</c>): that releases every hang, so no worker thread stays blocked.
/// <para>
/// Concurrency contract: <see cref="Work"/> and <see cref="AsyncWork"/> are called by the pool's workers
/// on any threads at once; calls are numbered in the order they start (an atomic counter). The record of
/// injections is guarded by a lock held only to read or append it; user predicates and the work itself
/// never run under it. <see cref="ReleaseHangs"/> and <see cref="Dispose"/> may be called from any thread.
/// </para>
/// </summary>
/// <typeparam name="TIn">Input type of the work.</typeparam>
/// <typeparam name="TOut">Output type of the work.</typeparam>
public sealed class FaultPlan<TIn, TOut> : IDisposable
{
    private readonly Func<TIn, TOut>? _work;
    private readonly Func<TIn, CancellationToken, Task<TOut>>? _asyncWork;
    private readonly IReadOnlyList<FaultRule<TIn>> _rules;
    private readonly FaultLedger<TIn> _ledger = new();
    // Never disposed: a worker thread may still be waking from it after the test ends.
    private readonly ManualResetEventSlim _hangsReleased = new(false);
    private readonly ManualResetEventSlim _disposed = new(false);
    private readonly TaskCompletionSource _hangsReleasedAsync = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FaultPlan(Func<TIn, TOut>? work, Func<TIn, CancellationToken, Task<TOut>>? asyncWork, IReadOnlyList<FaultRule<TIn>> rules)
    {
        _work = work;
        _asyncWork = asyncWork;
        _rules = rules;
    }

    /// <summary>True when the plan wraps asynchronous work (use <see cref="AsyncWork"/>), false for synchronous work (use <see cref="Work"/>).</summary>
    public bool IsAsync => _asyncWork is not null;

    /// <summary>The synchronous work with the plan's faults: give it to the pool instead of the original.</summary>
    /// <exception cref="InvalidOperationException">The plan wraps asynchronous work.</exception>
    public Func<TIn, TOut> Work => _work is null
        ? throw new InvalidOperationException("This plan wraps asynchronous work: use AsyncWork.")
        : Run;

    /// <summary>The asynchronous work with the plan's faults: give it to the pool instead of the original.</summary>
    /// <exception cref="InvalidOperationException">The plan wraps synchronous work.</exception>
    public Func<TIn, CancellationToken, Task<TOut>> AsyncWork => _asyncWork is null
        ? throw new InvalidOperationException("This plan wraps synchronous work: use Work.")
        : RunAsync;

    /// <summary>How many calls of the work have started so far.</summary>
    public long Calls => _ledger.Calls;

    /// <summary>Every fault injected so far, in call order.</summary>
    public IReadOnlyList<InjectedFault<TIn>> Injected => _ledger.Injected;

    /// <summary>True once <see cref="ReleaseHangs"/> (or <see cref="Dispose"/>) was called: hangs no longer block.</summary>
    public bool HangsReleased => _hangsReleased.IsSet;

    /// <summary>How many calls with <paramref name="input"/> have started.</summary>
    public int CallsOf(TIn input) => _ledger.CallsOf(input);

    /// <summary>The distinct inputs that got a fault (of <paramref name="kind"/>, or of any kind when null), in the order of their first such call.</summary>
    public IReadOnlyList<TIn> FaultedInputs(FaultKind? kind = null) =>
        Injected.Where(f => kind is null || f.Kind == kind).Select(f => f.Input).Distinct().ToArray();

    /// <summary>
    /// Lets every hung call go on (each then runs the work), now and later: hangs selected after this do
    /// not block and are not recorded. Safe to call more than once.
    /// </summary>
    public void ReleaseHangs()
    {
        _hangsReleased.Set();
        _hangsReleasedAsync.TrySetResult();
    }

    /// <summary>Releases the hangs and cuts running delays short, so that no thread stays blocked by the plan.</summary>
    public void Dispose()
    {
        ReleaseHangs();
        _disposed.Set();
    }

    /// <summary>
    /// Whether <paramref name="input"/> was ever called, and what its latest call got: null when that
    /// call ran without a fault. This is what <c>ShouldMatch</c> expects the report to say.
    /// </summary>
    internal bool TryGetLatestFault(TIn input, out InjectedFault<TIn>? fault) => _ledger.TryGetLatest(input, out fault);

    /// <inheritdoc />
    public override string ToString() =>
        $"FaultPlan ({(IsAsync ? "async" : "sync")}): {(_rules.Count == 0 ? "no faults" : string.Join("; ", _rules))}; {Calls} call(s), {Injected.Count} fault(s) injected";

    /// <summary>
    /// The fault the plan would inject into a call with <paramref name="input"/> on its
    /// <paramref name="attempt"/>, decided by the rules that do not count calls (<c>when</c>,
    /// <c>probability</c>, <c>firstAttempts</c>; a rule with <c>onCall</c> is skipped), or null. For plans whose
    /// calls run where the plan's record cannot be read, e.g. in worker processes that a
    /// <see cref="FaultKind.KillWorkerProcess"/> ends: build the same plan in the test and ask it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is below 1.</exception>
    public FaultKind? PlannedFault(TIn input, int attempt = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        foreach (var rule in _rules)
        {
            if (rule.Selection.OnCall is null && rule.Selects(0, input, attempt)) return rule.Kind;
        }
        return null;
    }

    private TOut Run(TIn input)
    {
        var fault = Decide(input);
        switch (fault?.Kind)
        {
            case FaultKind.FailFastWorkerProcess or FaultKind.KillWorkerProcess:
                WorkerProcessFaults.End(fault);
                break;
            case FaultKind.Throw or FaultKind.CrashWorker:
                throw fault.Exception!;
            case FaultKind.Hang:
                _hangsReleased.Wait(); // synchronous work has no token: only the plan can let it go
                break;
            case FaultKind.Slow:
                _disposed.Wait(fault.Delay!.Value); // a sleep that disposing the plan can cut short
                break;
        }
        return _work!(input);
    }

    private async Task<TOut> RunAsync(TIn input, CancellationToken cancellationToken)
    {
        var fault = Decide(input);
        switch (fault?.Kind)
        {
            case FaultKind.FailFastWorkerProcess or FaultKind.KillWorkerProcess:
                WorkerProcessFaults.End(fault);
                break;
            case FaultKind.Throw or FaultKind.CrashWorker:
                throw fault.Exception!;
            case FaultKind.Hang:
                await _hangsReleasedAsync.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                break;
            case FaultKind.Slow:
                await Task.Delay(fault.Delay!.Value, cancellationToken).ConfigureAwait(false);
                break;
        }
        return await _asyncWork!(input, cancellationToken).ConfigureAwait(false);
    }

    private InjectedFault<TIn>? Decide(TIn input)
    {
        var (call, attempt) = _ledger.Begin(input);
        InjectedFault<TIn>? fault = null;
        foreach (var rule in _rules)
        {
            if (!rule.Selects(call, input, attempt)) continue;
            // A hang after the release would not hang: nothing to record, and the call is expected to succeed.
            if (rule.Kind != FaultKind.Hang || !_hangsReleased.IsSet) fault = rule.Inject(call, input, attempt);
            break;
        }
        _ledger.Record(call, input, fault);
        return fault;
    }
}
