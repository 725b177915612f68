namespace ActorProc.Configuration;

/// <summary>
/// Ids of the Akka dispatchers ActorProc's pools run on. The ActorProc ones are declared in
/// <c>hocon/actorproc.conf</c>, which every ActorProc entry point adds as a fallback under the
/// system's own configuration; override their settings there (e.g. the CPU dispatcher's thread count).
/// </summary>
public static class PoolDispatchers
{
    /// <summary>
    /// <c>actorproc.cpu-dispatcher</c>: dedicated threads, one per core by default, for synchronous
    /// (CPU-bound) workers, so that CPU work never starves the .NET ThreadPool that carries the rest of
    /// the system (timers, I/O, remoting and cluster heartbeats).
    /// </summary>
    public const string Cpu = "actorproc.cpu-dispatcher";

    /// <summary><c>akka.actor.default-dispatcher</c>: Akka's default dispatcher (the .NET ThreadPool), for light and asynchronous work.</summary>
    public const string Default = "akka.actor.default-dispatcher";

    /// <summary>
    /// <c>actorproc.replacement-dispatcher</c>: a pinned dispatcher (a thread of its own per actor) for
    /// a worker that replaces one stuck in a synchronous task past its timeout.
    /// </summary>
    public const string Replacement = "actorproc.replacement-dispatcher";
}
