namespace ActorProc.Cli.Commands;

/// <summary>
/// The options every <c>run</c> task shares, read once from the command line. A null pool setting was
/// not given: the configuration's <c>actorproc.pool</c> value applies.
/// </summary>
/// <param name="Workers">Worker count (<c>--workers</c>), or null.</param>
/// <param name="Dispatcher">Dispatcher id of the workers (<c>--dispatcher cpu|default</c>), or null.</param>
/// <param name="Router">How chunks of work are spread over the workers (<c>--router</c>), or null.</param>
/// <param name="Retries">Retries of a failed task (<c>--retries</c>), or null.</param>
/// <param name="TaskTimeout">Longest run of one task (<c>--task-timeout</c>), or null.</param>
/// <param name="Deadline">Longest run of the whole job (<c>--deadline</c>), or null.</param>
/// <param name="ConfigFile">HOCON file over actorproc.conf (<c>--config</c>), or null.</param>
/// <param name="ReportDirectory">Where succeeded.txt, failed.txt and report.json go (<c>--report-dir</c>), or null.</param>
/// <param name="Json">Print one JSON document on stdout and nothing else (<c>--json</c>).</param>
/// <param name="Quiet">Print only results and errors: no progress, no summary (<c>--quiet</c>).</param>
/// <param name="Verbose">Log the actor system at INFO and say what is happening on stderr (<c>--verbose</c>).</param>
/// <param name="IsolateProcesses">Worker processes (<c>--isolate processes[=N]</c>; 0 = one per worker), or null to run in this process.</param>
internal sealed record RunSettings(
    int? Workers,
    string? Dispatcher,
    WorkerRouter? Router,
    int? Retries,
    TimeSpan? TaskTimeout,
    TimeSpan? Deadline,
    string? ConfigFile,
    string? ReportDirectory,
    bool Json,
    bool Quiet,
    bool Verbose,
    int? IsolateProcesses = null);
