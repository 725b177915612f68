namespace ActorProc.Cli.Commands.Chaos;

/// <summary>The options of <c>actorproc chaos</c>, validated (see <see cref="ChaosCommand"/>).</summary>
/// <param name="Nodes">Local node processes to start (null with <paramref name="Cluster"/>).</param>
/// <param name="Cluster">Contact points of a running cluster (null when chaos starts its own).</param>
/// <param name="Duration">How long jobs are submitted and faults injected.</param>
/// <param name="FaultInterval">A fault every this often (<c>--kill-every</c>).</param>
/// <param name="Seed">The seed of the jobs and the fault schedule.</param>
/// <param name="Faults">Which faults the schedule draws from.</param>
/// <param name="Spare">The last N nodes are never faulted (their memory over the whole run is the survivors' growth).</param>
/// <param name="Concurrency">Jobs in flight at a time.</param>
/// <param name="RestartAfter">How long a killed node stays down before it is started again.</param>
/// <param name="DrainTimeout">How long the jobs still running at the end may take to complete before they count as lost.</param>
/// <param name="Journal">The nodes' --journal (null = a SQLite file in the work directory).</param>
/// <param name="NodeConfig">The nodes' --config file, or null.</param>
/// <param name="WorkDirectory">Where the generated files, the journal and the nodes' directory go (null = a temporary directory, deleted after).</param>
/// <param name="Json">Print the verdict as one JSON document on stdout.</param>
/// <param name="Quiet">No live status lines.</param>
/// <param name="Verbose">Every fault and problem as it happens, and the nodes' log tails at the end.</param>
internal sealed record ChaosSettings(
    int? Nodes,
    IReadOnlyList<string>? Cluster,
    TimeSpan Duration,
    TimeSpan FaultInterval,
    int Seed,
    IReadOnlySet<FaultKind> Faults,
    int Spare,
    int Concurrency,
    TimeSpan RestartAfter,
    TimeSpan DrainTimeout,
    string? Journal,
    string? NodeConfig,
    string? WorkDirectory,
    bool Json,
    bool Quiet,
    bool Verbose);

/// <summary>The faults <c>actorproc chaos</c> injects into a node process.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL, then started again after <see cref="ChaosSettings.RestartAfter"/>.</summary>
    Kill,

    /// <summary>SIGSTOP for 0.5–1.5 s (shorter than the failure detector tolerates), then SIGCONT: a long GC pause.</summary>
    Pause,

    /// <summary>SIGSTOP until the other nodes have downed and removed it, then SIGCONT (it exits as downed) and a restart.</summary>
    Isolate,
}
