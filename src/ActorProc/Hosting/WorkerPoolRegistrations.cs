namespace ActorProc.Hosting;

/// <summary>The worker pools <c>WithActorProc</c> starts with the actor system.</summary>
public sealed class WorkerPoolRegistrations
{
    private readonly List<(string Name, Func<WorkerPoolOptions, WorkerPoolOptions>? Configure)> _pools = [];

    internal IReadOnlyList<(string Name, Func<WorkerPoolOptions, WorkerPoolOptions>? Configure)> All => _pools;

    /// <summary>
    /// A pool named <paramref name="name"/>: options from HOCON (<c>actorproc.pool</c>, then
    /// <c>actorproc.pools.&lt;name&gt;</c>) and the host's IConfiguration (<c>ActorProc:Pool</c>, then
    /// <c>ActorProc:Pools:&lt;name&gt;</c>), then <paramref name="configure"/> over them.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or registered twice.</exception>
    public WorkerPoolRegistrations Add(string name, Func<WorkerPoolOptions, WorkerPoolOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_pools.Any(p => p.Name == name)) throw new ArgumentException($"The worker pool \"{name}\" is registered twice.", nameof(name));
        _pools.Add((name, configure));
        return this;
    }
}
