namespace ActorProc.Pools;

/// <summary>ActorProc on an actor system you already have.</summary>
public static class ActorSystemExtensions
{
    /// <summary>
    /// The worker pool named <paramref name="name"/> of <paramref name="system"/>, created on first use with
    /// options from the system's configuration (<c>actorproc.pool</c>, <c>actorproc.pools.&lt;name&gt;</c>)
    /// and drained when the system shuts down. See <see cref="WorkerPools"/>.
    /// </summary>
    /// <exception cref="Akka.Configuration.ConfigurationException">The pool's configuration is invalid.</exception>
    public static WorkerPool GetWorkerPool(this ActorSystem system, string name = "default") => WorkerPools.For(system).Get(name);
}
