using ActorProc.Pools;

namespace ActorProc.Jobs;

/// <summary>Everything a job actor is created with (one value, so its Props stay a one-liner).</summary>
internal sealed record JobStart<TIn, TOut>(
    JobShared<TIn, TOut> Shared,
    InputSource<TIn> Source,
    JobSink<TIn, TOut> Sink,
    JobControl Control,
    ConcurrencyLimiter? Permits,
    CancellationToken UserToken,
    PoolMetrics Metrics);
