namespace ActorProc.Pools;

/// <summary>How a <see cref="WorkerPool"/> spreads chunks of work over its workers.</summary>
public enum WorkerRouter
{
    /// <summary>
    /// Each chunk goes to the worker whose mailbox holds the fewest messages, preferring idle workers
    /// (the default: it balances uneven task durations best).
    /// </summary>
    SmallestMailbox,

    /// <summary>Chunks go to the workers in turn; exactly even when tasks take the same time.</summary>
    RoundRobin,

    /// <summary>Each chunk goes to a worker picked at random.</summary>
    Random,
}
