namespace ActorProc.TestKit.Faults;

/// <summary>One fault a <see cref="FaultPlan{TIn,TOut}"/> injected: into which call, for which input, and what it did.</summary>
/// <typeparam name="TIn">Input type of the work.</typeparam>
/// <param name="Call">1-based number of the call among all calls of the plan's work, in the order they started.</param>
/// <param name="Input">The input the call received.</param>
/// <param name="Attempt">1-based number of the call among the calls with this input (the task's attempt when inputs are distinct).</param>
/// <param name="Kind">What the fault did.</param>
/// <param name="Exception">The exception thrown (<see cref="FaultKind.Throw"/> and <see cref="FaultKind.CrashWorker"/>), otherwise null.</param>
/// <param name="Delay">The delay (<see cref="FaultKind.Slow"/>), otherwise null.</param>
public sealed record InjectedFault<TIn>(long Call, TIn Input, int Attempt, FaultKind Kind, Exception? Exception, TimeSpan? Delay)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FaultKind.Throw or FaultKind.CrashWorker => $"call {Call} (input {Input}, attempt {Attempt}): {Kind} {Exception?.GetType().Name}",
        FaultKind.Slow => $"call {Call} (input {Input}, attempt {Attempt}): Slow {Delay?.TotalMilliseconds:0.###} ms",
        _ => $"call {Call} (input {Input}, attempt {Attempt}): {Kind}",
    };
}
