namespace ActorProc.TestKit.Faults;

/// <summary>
/// Starts a fault plan: wraps your work so that chosen calls throw, hang, slow down or crash the
/// worker, deterministically, and records what it injected.
/// <code>
/// using var plan = FaultPlan.For&lt;int, int&gt;(x =&gt; x * 2)
///     .Throw(onCall: 3)
///     .Hang(when: x =&gt; x == 7)
///     .Slow(TimeSpan.FromMilliseconds(50), probability: 0.1, seed: 42)
///     .Build();
/// var report = await pool.RunAsync(inputs, plan.Work);
/// report.ShouldMatch(plan);
/// </code>
/// </summary>
public static class FaultPlan
{
    /// <summary>A builder of a plan around the synchronous <paramref name="work"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public static FaultPlanBuilder<TIn, TOut> For<TIn, TOut>(Func<TIn, TOut> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return new FaultPlanBuilder<TIn, TOut>(work, null);
    }

    /// <summary>A builder of a plan around the asynchronous <paramref name="work"/>; hangs and delays honour the job's cancellation token.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public static FaultPlanBuilder<TIn, TOut> For<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return new FaultPlanBuilder<TIn, TOut>(null, work);
    }
}
