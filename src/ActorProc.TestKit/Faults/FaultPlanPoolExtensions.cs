namespace ActorProc.TestKit.Faults;

/// <summary>Runs a fault plan's work on a pool, whichever kind of work (sync or async) the plan wraps.</summary>
public static class FaultPlanPoolExtensions
{
    /// <summary>
    /// Runs <paramref name="plan"/>'s work on every input and returns the report, as
    /// <see cref="WorkerPool.RunAsync{TIn,TOut}(IEnumerable{TIn},Func{TIn,TOut},JobOptions?,CancellationToken)"/> does.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task<JobReport<TIn, TOut>> RunAsync<TIn, TOut>(this WorkerPool pool, IEnumerable<TIn> inputs, FaultPlan<TIn, TOut> plan,
        JobOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(plan);
        return plan.IsAsync
            ? pool.RunAsync(inputs, plan.AsyncWork, options, cancellationToken)
            : pool.RunAsync(inputs, plan.Work, options, cancellationToken);
    }
}
