namespace ActorProc.TestKit.Faults;

/// <summary>
/// Builds a <see cref="FaultPlan{TIn,TOut}"/> rule by rule. Each rule selects calls by any combination of
/// <c>onCall</c> (the Nth call of the work, counted across all threads from 1), <c>when</c> (a predicate
/// on the input), <c>probability</c> with <c>seed</c> (decided from the seed, the input and its attempt,
/// so the same seed faults the same inputs in every run whatever the order of calls) and
/// <c>firstAttempts</c> (only the first K calls of a selected input, to test retries). Every selector
/// given must match; a rule with none selects every call. When several rules select a call, the first
/// one added wins: a call gets at most one fault.
/// </summary>
/// <typeparam name="TIn">Input type of the work.</typeparam>
/// <typeparam name="TOut">Output type of the work.</typeparam>
public sealed class FaultPlanBuilder<TIn, TOut>
{
    private readonly Func<TIn, TOut>? _work;
    private readonly Func<TIn, CancellationToken, Task<TOut>>? _asyncWork;
    private readonly List<FaultRule<TIn>> _rules = [];

    internal FaultPlanBuilder(Func<TIn, TOut>? work, Func<TIn, CancellationToken, Task<TOut>>? asyncWork)
    {
        _work = work;
        _asyncWork = asyncWork;
    }

    /// <summary>Selected calls throw the exception made by <paramref name="exception"/> from the input, or an <see cref="InjectedFaultException"/> when it is null.</summary>
    /// <param name="exception">Makes the exception to throw (a new one per call, so concurrent throws never share a stack trace), or null.</param>
    /// <param name="onCall">Only the Nth call (1-based), or null.</param>
    /// <param name="when">Only calls whose input matches, or null.</param>
    /// <param name="probability">Only this share of calls, in [0, 1], or null.</param>
    /// <param name="seed">Seed of <paramref name="probability"/>.</param>
    /// <param name="firstAttempts">Only the first K calls of each selected input, ≥ 1, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A selector is out of range.</exception>
    public FaultPlanBuilder<TIn, TOut> Throw(Func<TIn, Exception>? exception = null, long? onCall = null, Func<TIn, bool>? when = null,
        double? probability = null, int seed = 0, int? firstAttempts = null) =>
        Add(FaultKind.Throw, onCall, when, probability, seed, firstAttempts, exception is null ? null : (input, _, _) => exception(input), null);

    /// <summary>
    /// Selected calls block until the plan's <see cref="FaultPlan{TIn,TOut}.ReleaseHangs"/> (or its
    /// disposal), then run the work. Asynchronous work also stops hanging when the job cancels the call
    /// (a task timeout or cancellation), with an <see cref="OperationCanceledException"/>. A synchronous
    /// hang holds its worker's thread: give the pool a <see cref="WorkerPoolOptions.TaskTimeout"/>.
    /// </summary>
    /// <param name="onCall">Only the Nth call (1-based), or null.</param>
    /// <param name="when">Only calls whose input matches, or null.</param>
    /// <param name="probability">Only this share of calls, in [0, 1], or null.</param>
    /// <param name="seed">Seed of <paramref name="probability"/>.</param>
    /// <param name="firstAttempts">Only the first K calls of each selected input, ≥ 1, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A selector is out of range.</exception>
    public FaultPlanBuilder<TIn, TOut> Hang(long? onCall = null, Func<TIn, bool>? when = null, double? probability = null, int seed = 0, int? firstAttempts = null) =>
        Add(FaultKind.Hang, onCall, when, probability, seed, firstAttempts, null, null);

    /// <summary>Selected calls wait <paramref name="delay"/> (asynchronous work: cancellable by the job), then run the work.</summary>
    /// <param name="delay">How long to wait, ≥ 0.</param>
    /// <param name="onCall">Only the Nth call (1-based), or null.</param>
    /// <param name="when">Only calls whose input matches, or null.</param>
    /// <param name="probability">Only this share of calls, in [0, 1], or null.</param>
    /// <param name="seed">Seed of <paramref name="probability"/>.</param>
    /// <param name="firstAttempts">Only the first K calls of each selected input, ≥ 1, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or a selector is out of range.</exception>
    public FaultPlanBuilder<TIn, TOut> Slow(TimeSpan delay, long? onCall = null, Func<TIn, bool>? when = null, double? probability = null, int seed = 0, int? firstAttempts = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return Add(FaultKind.Slow, onCall, when, probability, seed, firstAttempts, null, delay);
    }

    /// <summary>
    /// Selected calls throw an <see cref="InjectedWorkerCrashException"/>. It restarts the worker (and the
    /// task is re-dispatched while attempts remain) only in a pool created with
    /// <see cref="FaultOptionsExtensions.WithCrashesFatal"/>. Crash only the first attempt
    /// (<c>firstAttempts: 1</c>) and allow a retry to see the task succeed on the restarted worker.
    /// </summary>
    /// <param name="onCall">Only the Nth call (1-based), or null.</param>
    /// <param name="when">Only calls whose input matches, or null.</param>
    /// <param name="probability">Only this share of calls, in [0, 1], or null.</param>
    /// <param name="seed">Seed of <paramref name="probability"/>.</param>
    /// <param name="firstAttempts">Only the first K calls of each selected input, ≥ 1, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A selector is out of range.</exception>
    public FaultPlanBuilder<TIn, TOut> CrashWorker(long? onCall = null, Func<TIn, bool>? when = null, double? probability = null, int seed = 0, int? firstAttempts = null) =>
        Add(FaultKind.CrashWorker, onCall, when, probability, seed, firstAttempts, null, null);

    /// <summary>
    /// Selected calls end their worker process with <see cref="Environment.FailFast(string)"/>, as a task
    /// that crashes the runtime would. For pools with <see cref="WorkerPoolOptions.Isolation"/>: build the
    /// plan in the worker program around the registered task's work. The pool reports the task failed with
    /// a <see cref="Isolation.WorkerProcessExitedException"/> (or retries it in a fresh process). Outside a
    /// worker process the call throws <see cref="InvalidOperationException"/> instead. A worker process
    /// counts calls and attempts on its own: <c>onCall</c> and <c>firstAttempts</c> are per process.
    /// </summary>
    /// <param name="onCall">Only the Nth call (1-based) in each worker process, or null.</param>
    /// <param name="when">Only calls whose input matches, or null.</param>
    /// <param name="probability">Only this share of calls, in [0, 1], or null.</param>
    /// <param name="seed">Seed of <paramref name="probability"/>.</param>
    /// <param name="firstAttempts">Only the first K calls of each selected input in each process, ≥ 1, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A selector is out of range.</exception>
    public FaultPlanBuilder<TIn, TOut> FailFastWorkerProcess(long? onCall = null, Func<TIn, bool>? when = null, double? probability = null, int seed = 0, int? firstAttempts = null) =>
        Add(FaultKind.FailFastWorkerProcess, onCall, when, probability, seed, firstAttempts, null, null);

    /// <summary>
    /// Selected calls kill their worker process outright (SIGKILL), as an out-of-memory killer or an
    /// operator would; otherwise like <see cref="FailFastWorkerProcess"/>.
    /// </summary>
    /// <param name="onCall">Only the Nth call (1-based) in each worker process, or null.</param>
    /// <param name="when">Only calls whose input matches, or null.</param>
    /// <param name="probability">Only this share of calls, in [0, 1], or null.</param>
    /// <param name="seed">Seed of <paramref name="probability"/>.</param>
    /// <param name="firstAttempts">Only the first K calls of each selected input in each process, ≥ 1, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A selector is out of range.</exception>
    public FaultPlanBuilder<TIn, TOut> KillWorkerProcess(long? onCall = null, Func<TIn, bool>? when = null, double? probability = null, int seed = 0, int? firstAttempts = null) =>
        Add(FaultKind.KillWorkerProcess, onCall, when, probability, seed, firstAttempts, null, null);

    /// <summary>The plan, with the rules added so far. The builder may go on to build other plans; each plan counts its own calls.</summary>
    public FaultPlan<TIn, TOut> Build() => new(_work, _asyncWork, [.. _rules]);

    private FaultPlanBuilder<TIn, TOut> Add(FaultKind kind, long? onCall, Func<TIn, bool>? when, double? probability, int seed, int? firstAttempts,
        Func<TIn, long, int, Exception>? exception, TimeSpan? delay)
    {
        _rules.Add(new FaultRule<TIn>(kind, FaultSelection<TIn>.Create(onCall, when, probability, seed, firstAttempts), exception, delay));
        return this;
    }
}
