namespace ActorProc.Bench.Harness;

/// <summary>
/// Counts work items without any atomic operation: each thread bumps a cell of its own, and the
/// total is summed once the work is over. Lets a contender verify that every one of millions of
/// no-op items ran without the count costing as much as the items themselves.
/// </summary>
/// <remarks>
/// Concurrency contract: <see cref="Increment"/> from any thread; <see cref="Total"/> only after all
/// incrementing threads have finished and were joined (awaiting the job provides that ordering).
/// </remarks>
internal sealed class ThreadCounter : IDisposable
{
    private readonly ThreadLocal<long[]> _cells = new(() => new long[1], trackAllValues: true);

    /// <summary>Adds one to the calling thread's cell.</summary>
    public void Increment() => _cells.Value![0]++;

    /// <summary>The sum over all threads' cells.</summary>
    public long Total => _cells.Values.Sum(cell => Volatile.Read(ref cell[0]));

    /// <inheritdoc />
    public void Dispose() => _cells.Dispose();
}
