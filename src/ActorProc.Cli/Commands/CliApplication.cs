using System.CommandLine;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cli.Tasks;
using Spectre.Console;

namespace ActorProc.Cli.Commands;

/// <summary>
/// The command line of <c>actorproc</c>: <c>run &lt;task&gt;</c> with the built-in tasks as subcommands
/// and plugin tasks through <c>--assembly</c>. Parse errors never reach System.CommandLine's default
/// handler (which prints help and returns 1): they become one line on stderr and exit code 2.
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var common = new CommonOptions();
        var run = new Command("run", "Run a job on every core: one of the built-in tasks below, or a task of your own with `actorproc run <task> [INPUT...] --assembly MyTasks.dll` (see samples/PluginTasks).");
        foreach (var option in common.All)
        {
            option.Recursive = true;
            run.Options.Add(option);
        }
        Func<ParseResult, ICliTask, Task<int>> execute = (parse, task) => ExecuteAsync(task, common.Read(parse), console);
        run.Subcommands.Add(TaskCommands.Hash(execute));
        run.Subcommands.Add(TaskCommands.IpCount(execute));
        run.Subcommands.Add(TaskCommands.WordCount(execute));
        run.Subcommands.Add(TaskCommands.Primes(execute));
        run.Subcommands.Add(TaskCommands.SumSquares(execute));
        PluginCommand.Attach(run, execute);

        // A named root (not RootCommand, which takes the executable's name: "ActorProc.Cli" under `dotnet run`).
        var root = new Command("actorproc", "Run jobs on every core with ActorProc's supervised worker pools: progress, reports, JSON output, exit codes.")
        {
            run,
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        Cluster.ClusterCommands.AddTo(root, console);
        if (ShellCompletion.IsRequest(args)) return ShellCompletion.Complete(args, root, console.Out, console.Error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            console.Error.WriteLine($"actorproc: {string.Join(" ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ")))} (see 'actorproc --help')");
            return ExitCodes.UsageError;
        }
        // Ctrl+C is handled by CancelSignal (two stages), not by System.CommandLine.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null })
            .ConfigureAwait(false);
    }

    /// <summary>Validates, starts the runtime, runs the task, writes the report and prints; returns the exit code.</summary>
    private static async Task<int> ExecuteAsync(ICliTask task, RunSettings settings, CliConsole console)
    {
        using var cancel = new CancelSignal(settings.Quiet ? null : console.Error);
        try
        {
            task.Validate();
            var config = CliRuntime.LoadConfig(settings);
            var options = CliRuntime.PoolOptions(settings, config);
            if (settings.ReportDirectory is { } directory) PrepareReportDirectory(directory);
            // The task plans its inputs while the system starts; the process exits after printing
            // without stopping the system (see CliRuntime).
            var runtime = CliRuntime.StartInBackground(settings, config, options);
            var tracker = new ProgressTracker();
            // Cancelled by Ctrl+C, and once the job is over: tasks still running past a deadline or a
            // timeout (which .NET cannot abort) see it at their next check and stop.
            using var runOver = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
            var rich = console.IsTerminal && !settings.Json && !settings.Quiet
                ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) })
                : null;
            var context = new RunContext
            {
                Pool = PoolOf(runtime), PoolOptions = options, Settings = settings, Token = runOver.Token, Progress = tracker, ShowsProgress = rich is not null, Log = console.Error,
            };
            context.Verbose($"{task.Name}: starting on {options.Workers} worker(s)");
            var result = rich is null
                ? await task.RunAsync(context).ConfigureAwait(false)
                : await LiveProgress.RunAsync(rich, task.Name, tracker, () => task.RunAsync(context)).ConfigureAwait(false);
            await runOver.CancelAsync().ConfigureAwait(false);
            var reportWritten = settings.ReportDirectory is not { } reportDirectory || TryWriteReport(result, reportDirectory, console);
            Print(result, console, settings, rich, cancel.Requested);
            if (cancel.Requested) return ExitCodes.Cancelled;
            return result.Failed > 0 || result.Outcome != JobOutcome.Completed || !reportWritten ? ExitCodes.TasksFailed : ExitCodes.Success;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"actorproc: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancel.Requested)
        {
            if (!settings.Quiet) console.Error.WriteLine("actorproc: cancelled before the job started");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // A bug or an environment problem, not a task failure: one line, the stack only with --verbose.
            console.Error.WriteLine($"actorproc: error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (settings.Verbose) console.Error.WriteLine(e);
            return ExitCodes.TasksFailed;
        }
    }

    private static async Task<WorkerPool> PoolOf(Task<CliRuntime> runtime) => (await runtime.ConfigureAwait(false)).Pool;

    private static void Print(RunResult result, CliConsole console, RunSettings settings, IAnsiConsole? rich, bool userCancelled)
    {
        try
        {
            ResultPrinter.Print(result, console, settings.Json, settings.Quiet, rich, userCancelled);
        }
        catch (IOException)
        {
            // stdout was closed (e.g. `| head`): the reader has what it wanted; the exit code still tells the outcome.
        }
    }

    /// <summary>Writes --report-dir; a failure is reported on stderr (the results are still printed) and makes the exit code 1.</summary>
    private static bool TryWriteReport(RunResult result, string directory, CliConsole console)
    {
        try
        {
            ReportDirectoryWriter.Write(result, directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"actorproc: cannot write the report to {directory}: {e.Message}");
            return false;
        }
    }

    /// <summary>Checks before any work that the report directory can be created.</summary>
    private static void PrepareReportDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--report-dir {directory}: {e.Message}");
        }
    }
}
