using ActorProc.Internal;

namespace ActorProc.MapReduce;

/// <summary>Settings of <c>WorkerPool.MapReduceAsync</c>; invalid values throw <see cref="ArgumentException"/> naming the setting.</summary>
public sealed record MapReduceOptions
{
    private readonly int? _reducers;
    private readonly int? _batchSize;

    /// <summary>The defaults: one reducer per worker, automatic batches.</summary>
    public static MapReduceOptions Default { get; } = new();

    /// <summary>Number of reducer actors (≥ 1); null = the pool's worker count.</summary>
    public int? Reducers { get => _reducers; init => _reducers = Check.AtLeastOrNull(value, 1, nameof(Reducers)); }

    /// <summary>
    /// Inputs mapped per map task (≥ 1); each task groups (and combines) its output before sending it
    /// to the reducers. Null = automatic (a few batches per worker for collections, 1,024 for lazy sources).
    /// </summary>
    public int? BatchSize { get => _batchSize; init => _batchSize = Check.AtLeastOrNull(value, 1, nameof(BatchSize)); }

    /// <summary>Settings of the map phase (retries, timeouts, deadline, progress in batches); null = the pool's.</summary>
    public JobOptions? Map { get; init; }
}
