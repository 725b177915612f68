using System.CommandLine;

namespace ActorProc.Cli.Commands;

/// <summary>
/// The options shared by every task of <c>actorproc run</c>. They are recursive options of the
/// <c>run</c> command, so they may be given before or after the task name.
/// </summary>
internal sealed class CommonOptions
{
    // No defaults in the parser: an option the user did not give leaves the value of actorproc.pool
    // (actorproc.conf, --config, ACTORPROC__ variables) in force; the defaults named here are the file's.

    public Option<long?> Workers { get; } = ValueParsers.AtLeast("--workers", "Worker actors for the job (default: one per core).", 1, 4096);

    public Option<string?> Dispatcher { get; } = Choice("--dispatcher", "Where the workers run: cpu (dedicated threads, one per core; the default) or default (the .NET thread pool).", "cpu", "default");

    public Option<string?> Router { get; } = Choice("--router", "How chunks of tasks are spread over the workers (default smallest-mailbox).", "round-robin", "smallest-mailbox", "random");

    public Option<long?> Retries { get; } = ValueParsers.AtLeast("--retries", "Retries of a failed task after its first attempt (default 0).", 0, 100);

    public Option<TimeSpan?> TaskTimeout { get; } = ValueParsers.Duration("--task-timeout", "Longest run of one task, e.g. 30s (default: none); a task past it is reported timed out.");

    public Option<TimeSpan?> Deadline { get; } = ValueParsers.Duration("--deadline", "Longest run of the whole job, e.g. 10m (default: none); unfinished tasks are then reported.");

    public Option<string?> Config { get; } = new("--config") { Description = "HOCON file layered over actorproc.conf: actorproc.pool settings (workers, router, retries, timeouts, ...), dispatchers, akka.loglevel.", HelpName = "FILE" };

    public Option<string?> ReportDirectory { get; } = new("--report-dir") { Description = "Write succeeded.txt, failed.txt and report.json into this directory.", HelpName = "DIR" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON document on stdout (no progress, no text)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only results and errors: no progress bar, no summary." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log the actor system at INFO level and report each stage on stderr." };

    public Option<int?> Isolate { get; } = IsolateOption.Create();

    /// <summary>Every option, for adding to the <c>run</c> command.</summary>
    public IEnumerable<Option> All => [Workers, Dispatcher, Router, Retries, TaskTimeout, Deadline, Config, ReportDirectory, Json, Quiet, Verbose, Isolate];

    /// <summary>Reads the options' values (already validated by the parser).</summary>
    public RunSettings Read(ParseResult parse) => new(
        Workers: (int?)parse.GetValue(Workers),
        Dispatcher: parse.GetValue(Dispatcher) switch
        {
            null => null,
            "default" => PoolDispatchers.Default,
            _ => PoolDispatchers.Cpu,
        },
        Router: parse.GetValue(Router) switch
        {
            null => null,
            "round-robin" => WorkerRouter.RoundRobin,
            "random" => WorkerRouter.Random,
            _ => WorkerRouter.SmallestMailbox,
        },
        Retries: (int?)parse.GetValue(Retries),
        TaskTimeout: parse.GetValue(TaskTimeout),
        Deadline: parse.GetValue(Deadline),
        ConfigFile: parse.GetValue(Config),
        ReportDirectory: parse.GetValue(ReportDirectory),
        Json: parse.GetValue(Json),
        Quiet: parse.GetValue(Quiet),
        Verbose: parse.GetValue(Verbose),
        IsolateProcesses: parse.GetValue(Isolate));

    private static Option<string?> Choice(string name, string description, params string[] allowed)
    {
        var option = new Option<string?>(name) { Description = description };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
