namespace ActorProc.Isolation;

/// <summary>The environment variables through which a pool tells a worker process where its parent is and the secret.</summary>
internal static class WorkerEnvironment
{
    /// <summary>The actor path of the pool's process set, e.g. <c>akka.tcp://actorproc@127.0.0.1:40123/user/pool-processes</c>.</summary>
    public const string Parent = "ACTORPROC_WORKER_PARENT";

    /// <summary>The pool's secret (hex).</summary>
    public const string Secret = "ACTORPROC_WORKER_SECRET";

    /// <summary>The parent's process id: the child exits when that process does.</summary>
    public const string ParentProcessId = "ACTORPROC_WORKER_PARENT_PID";
}
