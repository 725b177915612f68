namespace ActorProc.Cluster.Processes;

/// <summary>
/// What a <see cref="LocalCluster"/> starts: how many <c>actorproc node</c> processes, which CLI, which
/// journal, and the nodes' extra configuration and arguments. Every property has a default.
/// </summary>
public sealed record LocalClusterOptions
{
    /// <summary>
    /// Timings for nodes on one busy machine (a test run loads every core): heartbeats tolerate a 3 s
    /// pause (cluster.conf's 2 s is tuned for failover speed), faster gossip and leader actions (members
    /// join and leave in a fraction of the default ~1.5 s), small batches and quick resends (a crash re-runs
    /// little and progress moves often).
    /// </summary>
    public const string TestTimings = """
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.gossip-interval = 300ms
        akka.cluster.leader-actions-interval = 300ms
        actorproc.cluster.partition.batch-size = 50
        actorproc.cluster.partition.resend-interval = 500ms
        actorproc.cluster.job.resend-interval = 500ms
        """;

    /// <summary>How many nodes (at least 1; default 3).</summary>
    public int Nodes { get; init; } = 3;

    /// <summary>The CLI to start; null = <see cref="ActorProcCli.Locate"/> (next to the running assemblies, or <c>ACTORPROC_CLI</c>).</summary>
    public ActorProcCli? Cli { get; init; }

    /// <summary>
    /// The nodes' <c>--journal</c> (<c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>); null = a fresh
    /// SQLite file in <see cref="Directory"/>, shared by the nodes.
    /// </summary>
    public string? Journal { get; init; }

    /// <summary>HOCON written to a file and passed as every node's <c>--config</c>; null = none (cluster.conf's defaults).</summary>
    public string? NodeConfig { get; init; }

    /// <summary>More arguments for every node (e.g. <c>--assembly MyTasks.dll</c>).</summary>
    public IReadOnlyList<string> NodeArguments { get; init; } = [];

    /// <summary>The directory for the journal, the config file and the processes' working directory; null = a fresh temporary one, deleted on dispose.</summary>
    public string? Directory { get; init; }

    /// <summary>
    /// A directory that receives each process's whole stderr as <c>NAME.N.log</c> (N counts the restarts of a
    /// node); null = none (the processes' last lines stay available in memory either way).
    /// </summary>
    public string? LogDirectory { get; init; }

    /// <summary>How long a node may take to log that it is up (default 45 s: a JIT-cold process on a loaded 2-core machine).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Environment for every process (a null value removes a variable). Default: every <c>ACTORPROC__</c>
    /// override of the calling environment removed, so a developer's settings do not change what runs.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <exception cref="ArgumentOutOfRangeException">A count or timeout is out of range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Nodes, 1, nameof(Nodes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartTimeout, TimeSpan.Zero, nameof(StartTimeout));
    }
}
