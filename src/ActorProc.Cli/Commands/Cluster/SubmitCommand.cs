using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ActorProc.Cli.Cluster;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cli.Tasks;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Jobs;
using Spectre.Console;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// <c>actorproc submit &lt;task&gt; [inputs] --cluster host:port</c>: plans the inputs as <c>run</c> does
/// (the task subcommands are <c>run</c>'s own), submits a durable job (acknowledged once journaled),
/// follows it with the same progress, and prints, reports and exits as <c>run</c>. The same
/// <c>--job-id</c> twice never runs a job twice: the second submit attaches to the first job.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CliConsole console)
    {
        var cluster = new ClusterOptions();
        var jobId = new Option<string?>("--job-id") { Description = "The job's id (default: generated and printed). A job with this id that exists is shown, never run again.", HelpName = "ID" };
        var detach = new Option<bool>("--detach") { Description = "Print the job id once the job is journaled, and return (see `actorproc job`)." };
        var partitionSize = ValueParsers.AtLeast("--partition-size", "Tasks per partition, the unit that moves between nodes (default: about 16 partitions, at most 1000 tasks each).", 1, 1_000_000);
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Write succeeded.txt, failed.txt and report.json into this directory.", HelpName = "DIR" };
        var command = new Command("submit", "Submit a job to a cluster of `actorproc node`s and follow it: the tasks and arguments of `run`, the same output and exit codes. File inputs must be readable by the nodes at the same absolute paths (shared storage).");
        cluster.AddTo(command);
        foreach (var option in new Option[] { jobId, detach, partitionSize, reportDirectory })
        {
            option.Recursive = true;
            command.Options.Add(option);
        }

        Task<int> Submit(ParseResult parse, string task, Func<CancellationToken, JobPlan> plan) => SubmitAsync(new Request(
            task, plan, cluster.Read(parse), parse.GetValue(jobId), parse.GetValue(detach), (int?)parse.GetValue(partitionSize), parse.GetValue(reportDirectory)), console);
        Func<ParseResult, ICliTask, Task<int>> builtIn = (parse, task) => Submit(parse, task.Name, token =>
        {
            task.Validate();
            return JobPlanner.Plan(task.Name, parse, token);
        });
        command.Subcommands.Add(TaskCommands.Hash(builtIn));
        command.Subcommands.Add(TaskCommands.IpCount(builtIn));
        command.Subcommands.Add(TaskCommands.WordCount(builtIn));
        command.Subcommands.Add(TaskCommands.Primes(builtIn));
        command.Subcommands.Add(TaskCommands.SumSquares(builtIn));

        // A plugin task: the nodes load its assembly (`actorproc node --assembly`); here --assembly only checks the name.
        var name = new Argument<string>("task") { Hidden = true };
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var assembly = new Option<string?>("--assembly") { Description = "Check the plugin task's name in this assembly before submitting (the nodes must have loaded it).", HelpName = "DLL" };
        var inputsFrom = new Option<string?>("--inputs-from") { Description = "More plugin inputs, one per line, from a file ('-' = stdin).", HelpName = "FILE" };
        command.Arguments.Add(name);
        command.Arguments.Add(inputs);
        command.Options.Add(assembly);
        command.Options.Add(inputsFrom);
        command.SetAction((parse, _) =>
        {
            var task = parse.GetValue(name)!;
            var arguments = parse.GetValue(inputs) ?? [];
            return Submit(parse, task, _ =>
            {
                // run's own check of the name; its "needs inputs" check is JobPlanner's here (inputs may come from --inputs-from).
                if (parse.GetValue(assembly) is { } path) new PluginTask(task, path, arguments.Length > 0 ? arguments : ["(inputs)"], null).Validate();
                return JobPlanner.Plugin(task, arguments, parse.GetValue(inputsFrom));
            });
        });
        return command;
    }

    private sealed record Request(string Task, Func<CancellationToken, JobPlan> Plan, ClusterSettings Settings, string? JobId, bool Detach, int? PartitionSize, string? ReportDirectory);

    private static async Task<int> SubmitAsync(Request request, CliConsole console)
    {
        var settings = request.Settings;
        using var cancel = new CancelSignal(settings.Quiet ? null : console.Error);
        var jobId = request.JobId ?? NewJobId(request.Task);
        var submitted = false;
        try
        {
            var plan = request.Plan(cancel.Token);
            JobOutput.PrepareReportDirectory(request.ReportDirectory);
            var client = await ClusterConnection.ConnectAsync(settings, cancel.Token).ConfigureAwait(false);
            try
            {
                var started = Stopwatch.GetTimestamp();
                var spec = new JobSpec(jobId, plan.Task, plan.Inputs, request.PartitionSize ?? DefaultPartitionSize(plan.Inputs.Count));
                var ack = await client.SubmitAsync(spec, cancel.Token).ConfigureAwait(false);
                submitted = true;
                Announce(ack, spec, settings, console);
                if (request.Detach) return Detached(ack, settings, console);
                var rich = console.IsTerminal && !settings.Json && !settings.Quiet
                    ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) })
                    : null;
                var tracker = new ProgressTracker();
                var watcher = new JobWatcher(client, jobId, tracker, settings.Verbose ? console.Error : null);
                var status = rich is null
                    ? await watcher.WaitAsync(cancel.Token).ConfigureAwait(false)
                    : await LiveProgress.RunAsync(rich, $"{plan.Task} {jobId}", tracker, () => watcher.WaitAsync(cancel.Token)).ConfigureAwait(false);
                // An existing job submitted with other arguments: its own results, named by index.
                var fits = status.TaskName == plan.Task && status.Total == plan.Inputs.Count;
                if (!ack.IsNew && !fits && !settings.Quiet) console.Error.WriteLine($"actorproc: job {jobId} was submitted with other inputs; showing its own results");
                return JobOutput.Finish(status, fits ? plan : null, started, settings, request.ReportDirectory, console, rich);
            }
            finally
            {
                await ClusterConnection.LeaveAsync(client, settings.Verbose ? console.Error : null).ConfigureAwait(false);
            }
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"actorproc: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (ClusterUnreachableException e)
        {
            console.Error.WriteLine($"actorproc: {e.Message} (is an `actorproc node` listening there?)");
            return ExitCodes.UsageError;
        }
        catch (TimeoutException e) when (!submitted)
        {
            console.Error.WriteLine($"actorproc: job {jobId} not submitted: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancel.Requested)
        {
            if (!settings.Quiet)
                console.Error.WriteLine(submitted
                    ? $"actorproc: stopped following job {jobId}; it goes on in the cluster (actorproc job {jobId} --cluster {string.Join(",", settings.ContactPoints)})"
                    : "actorproc: cancelled before the job was submitted");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>
    /// About 16 partitions, so that a small job still spreads over several nodes, and at most 1000 tasks
    /// each; more partitions cost journal writes (each is started, batched and acknowledged on its own).
    /// </summary>
    private static int DefaultPartitionSize(int tasks) => Math.Clamp((tasks + 15) / 16, 1, 1000);

    private static string NewJobId(string task) =>
        string.Create(CultureInfo.InvariantCulture, $"{task}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}");

    private static void Announce(JobAcknowledgement ack, JobSpec spec, ClusterSettings settings, CliConsole console)
    {
        if (settings.Quiet || (settings.Json && ack.IsNew)) return; // stderr, so --json's stdout stays one document
        console.Error.WriteLine(ack.IsNew
            ? $"actorproc: job {ack.JobId} submitted: {spec.Inputs.Count:N0} tasks in {spec.PartitionCount:N0} partitions"
            : $"actorproc: job {ack.JobId} exists ({ClusterJson.State(ack.State)}); following it, not submitting again");
    }

    private static int Detached(JobAcknowledgement ack, ClusterSettings settings, CliConsole console)
    {
        if (settings.Json)
        {
            console.Out.Flush();
            ClusterJson.Write(new System.Text.Json.Nodes.JsonObject
            {
                ["job_id"] = ack.JobId,
                ["state"] = ClusterJson.State(ack.State),
                ["new"] = ack.IsNew,
                ["error"] = ack.Error,
            }, Console.OpenStandardOutput());
        }
        else console.Out.WriteLine(ack.JobId);
        if (ack.State == JobState.Failed)
        {
            console.Error.WriteLine($"actorproc: job {ack.JobId} failed: {ack.Error}");
            return ExitCodes.UsageError;
        }
        return ExitCodes.Success;
    }
}
