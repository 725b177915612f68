using System.Globalization;
using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit.Faults;

/// <summary>
/// One line of a plan: what to inject and which calls it selects. Every selector given must match
/// (they are ANDed); none given selects every call. Immutable, so any thread may evaluate it.
/// </summary>
internal sealed class FaultRule<TIn>
{
    private readonly Func<TIn, long, int, Exception>? _exception;

    public FaultRule(FaultKind kind, FaultSelection<TIn> selection, Func<TIn, long, int, Exception>? exception, TimeSpan? delay)
    {
        Kind = kind;
        Selection = selection;
        _exception = exception;
        Delay = delay;
    }

    public FaultKind Kind { get; }

    public FaultSelection<TIn> Selection { get; }

    public TimeSpan? Delay { get; }

    /// <summary>True when this rule selects the call. Runs the user's predicate: never call it under a lock.</summary>
    public bool Selects(long call, TIn input, int attempt)
    {
        var s = Selection;
        if (s.OnCall is { } n && call != n) return false;
        if (s.FirstAttempts is { } k && attempt > k) return false;
        if (s.When is { } when && !when(input)) return false;
        if (s.Probability is { } p && StableHash.Unit(s.Seed, input, attempt) >= p) return false;
        return true;
    }

    /// <summary>The fault this rule injects into the call.</summary>
    public InjectedFault<TIn> Inject(long call, TIn input, int attempt) => Kind switch
    {
        FaultKind.Throw => new(call, input, attempt, Kind, _exception?.Invoke(input, call, attempt)
            ?? new InjectedFaultException($"Injected fault on call {call} (input {input}, attempt {attempt})."), null),
        FaultKind.CrashWorker => new(call, input, attempt, Kind,
            new InjectedWorkerCrashException($"Injected worker crash on call {call} (input {input}, attempt {attempt})."), null),
        FaultKind.Slow => new(call, input, attempt, Kind, null, Delay),
        _ => new(call, input, attempt, Kind, null, null),
    };

    public override string ToString()
    {
        var what = Kind == FaultKind.Slow ? $"Slow {Delay!.Value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms" : Kind.ToString();
        return $"{what} {Selection}";
    }
}
