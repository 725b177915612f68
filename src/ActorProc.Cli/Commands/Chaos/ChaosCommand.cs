using System.CommandLine;
using System.Globalization;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;
using Spectre.Console;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// <c>actorproc chaos</c>: a local cluster of N node processes (or a running one, <c>--cluster</c>) under
/// checked jobs and seeded faults, and a verdict. Exit codes: 0 nothing lost, duplicated or wrong; 1 any
/// result lost, duplicated or wrong (or nothing could be checked); 2 bad input, or the cluster could not
/// be started or reached; 130 Ctrl+C (after the verdict of what was seen).
/// </summary>
internal static class ChaosCommand
{
    private static readonly Dictionary<string, FaultKind> FaultNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kill"] = FaultKind.Kill,
        ["pause"] = FaultKind.Pause,
        ["isolate"] = FaultKind.Isolate,
    };

    public static Command Create(CliConsole console)
    {
        var nodes = ValueParsers.AtLeast("--nodes", "Start this many local `actorproc node` processes on loopback (default 3).", 1, 16);
        var cluster = new Option<string[]>("--cluster") { Description = "Run against a running cluster instead, host:port[,host:port]: jobs and checks only (chaos can only fault processes it started; needs --faults none).", HelpName = "HOST:PORT", Arity = ArgumentArity.OneOrMore };
        var duration = ValueParsers.Duration("--duration", "How long to submit jobs and inject faults (default 1m); running jobs then get --drain-timeout to finish.");
        var every = ValueParsers.Duration("--kill-every", "A fault every this often (default 10s).");
        var seed = ValueParsers.AtLeast("--seed", "Seed of the jobs and of the fault schedule (default: random, printed).", 0, int.MaxValue);
        var faults = new Option<string?>("--faults") { Description = "Faults to draw from, comma-separated: kill (SIGKILL, then restart), pause (SIGSTOP 0.5-1.5 s), isolate (SIGSTOP until downed, then restart); or none (default kill,pause,isolate).", HelpName = "LIST" };
        var spare = ValueParsers.AtLeast("--spare", "Never fault the last N nodes (their memory growth over the whole run is reported as the survivors'; default 0).", 0, 15);
        var concurrency = ValueParsers.AtLeast("--concurrency", "Jobs in flight at a time (default 4).", 1, 64);
        var restartAfter = ValueParsers.Duration("--restart-after", "How long a killed node stays down before it is started again (default 3s).");
        var drain = ValueParsers.Duration("--drain-timeout", "How long jobs still running at the end may take before they count as lost (default 60s).");
        var journal = new Option<string?>("--journal") { Description = "The nodes' journal: sqlite:PATH or postgres:CONNECTION-STRING (default a fresh SQLite file in the work directory).", HelpName = "JOURNAL" };
        var config = new Option<string?>("--config") { Description = "HOCON file for every node (--config of `actorproc node`).", HelpName = "FILE" };
        var workDirectory = new Option<string?>("--work-dir") { Description = "Directory for the generated files, the journal, the nodes and their whole logs (logs/nodeI.N.log) (default: a temporary one without logs, deleted after).", HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print the verdict as exactly one JSON document on stdout." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No live status; only the verdict and errors." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Every fault and every problem as it happens, and the nodes' log tails at the end." };
        var command = new Command("chaos", "Run checked jobs on a cluster while nodes are killed, paused and isolated on a seeded schedule; print a verdict (lost, duplicated, wrong results, recovery, latency, memory) and exit 1 if any result was lost, duplicated or wrong.")
        {
            nodes, cluster, duration, every, seed, faults, spare, concurrency, restartAfter, drain, journal, config, workDirectory, json, quiet, verbose,
        };
        command.SetAction((parse, _) =>
        {
            ChaosSettings settings;
            try
            {
                settings = Validate(
                    (int?)parse.GetValue(nodes), parse.GetValue(cluster), parse.GetValue(duration), parse.GetValue(every), (int?)parse.GetValue(seed), parse.GetValue(faults),
                    (int?)parse.GetValue(spare), (int?)parse.GetValue(concurrency), parse.GetValue(restartAfter), parse.GetValue(drain), parse.GetValue(journal),
                    parse.GetValue(config), parse.GetValue(workDirectory), parse.GetValue(json), parse.GetValue(quiet), parse.GetValue(verbose));
            }
            catch (UsageException e)
            {
                console.Error.WriteLine($"actorproc: {e.Message}");
                return Task.FromResult(ExitCodes.UsageError);
            }
            return RunAsync(settings, console);
        });
        return command;
    }

    /// <exception cref="UsageException">An option is unusable alone or with the others; the message says which and why.</exception>
    internal static ChaosSettings Validate(int? nodes, string[]? cluster, TimeSpan? duration, TimeSpan? every, int? seed, string? faults, int? spare, int? concurrency,
        TimeSpan? restartAfter, TimeSpan? drain, string? journal, string? config, string? workDirectory, bool json, bool quiet, bool verbose)
    {
        var contact = cluster is not { Length: > 0 } ? null : cluster.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (contact is not null && nodes is not null) throw new UsageException("--nodes and --cluster exclude each other: chaos starts its own nodes, or runs against a cluster that is running.");
        if (contact is { Length: 0 }) throw new UsageException("--cluster: give at least one host:port.");
        var kinds = ParseFaults(faults ?? "kill,pause,isolate");
        if (contact is not null && kinds.Count > 0)
            throw new UsageException("--cluster: chaos can kill, pause and restart only the node processes it starts itself; with --cluster give --faults none (or use --nodes).");
        if (contact is not null && (journal is not null || config is not null)) throw new UsageException("--journal and --config configure the nodes chaos starts; they do not apply with --cluster.");
        var nodeCount = contact is null ? nodes ?? 3 : (int?)null;
        var spareNodes = spare ?? 0;
        if (nodeCount is { } n && spareNodes >= n && kinds.Count > 0) throw new UsageException($"--spare {spareNodes} leaves no node of {n} to fault; give --spare below --nodes, or --faults none.");
        if (nodeCount is < 3 && kinds.Count > 0)
            throw new UsageException($"--nodes {nodeCount} with faults: a fault needs at least 3 nodes, so that the others keep the majority the split-brain resolver requires (give --nodes 3 or more, or --faults none).");
        var interval = every ?? TimeSpan.FromSeconds(10);
        var restart = restartAfter ?? TimeSpan.FromSeconds(3);
        if (kinds.Count > 0 && restart >= interval)
            throw new UsageException($"--restart-after {restart.TotalSeconds:0.###}s must be shorter than --kill-every {interval.TotalSeconds:0.###}s: a killed node must be back before the next fault.");
        if (config is not null && !File.Exists(config)) throw new UsageException($"--config {config}: no such file.");
        if (journal is not null && !journal.StartsWith("sqlite:", StringComparison.Ordinal) && !journal.StartsWith("postgres:", StringComparison.Ordinal))
            throw new UsageException($"--journal {journal}: expected sqlite:PATH or postgres:CONNECTION-STRING.");
        if (workDirectory is not null)
        {
            try
            {
                Directory.CreateDirectory(workDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"--work-dir {workDirectory}: {e.Message}");
            }
        }
        return new ChaosSettings(nodeCount, contact, duration ?? TimeSpan.FromMinutes(1), interval, seed ?? Random.Shared.Next(), kinds, spareNodes,
            concurrency ?? 4, restart, drain ?? TimeSpan.FromSeconds(60), journal, config, workDirectory, json, quiet, verbose);
    }

    private static IReadOnlySet<FaultKind> ParseFaults(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is ["none"]) return new HashSet<FaultKind>();
        if (names.Length == 0) throw new UsageException("--faults: give kill, pause, isolate (comma-separated) or none.");
        var kinds = new HashSet<FaultKind>();
        foreach (var name in names)
        {
            if (!FaultNames.TryGetValue(name, out var kind)) throw new UsageException($"--faults: unknown fault '{name}' (known: kill, pause, isolate; or none alone).");
            kinds.Add(kind);
        }
        return kinds;
    }

    private static async Task<int> RunAsync(ChaosSettings settings, CliConsole console)
    {
        using var cancel = new CancelSignal(settings.Quiet ? null : console.Error);
        ChaosVerdict verdict;
        try
        {
            verdict = await new ChaosRunner(settings, console).RunAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (ClusterUnreachableException e)
        {
            console.Error.WriteLine($"actorproc: {e.Message} (is an `actorproc node` listening there?)");
            return ExitCodes.UsageError;
        }
        catch (TimeoutException e)
        {
            console.Error.WriteLine($"actorproc: chaos could not start its cluster: {e.Message.Split('\n')[0]}");
            if (settings.Verbose) console.Error.WriteLine(e.Message);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancel.Requested)
        {
            console.Error.WriteLine("actorproc: chaos cancelled before its cluster was up");
            return ExitCodes.Cancelled;
        }
        Print(verdict, console, settings);
        if (cancel.Requested) return ExitCodes.Cancelled;
        return verdict.Passed ? ExitCodes.Success : ExitCodes.TasksFailed;
    }

    private static void Print(ChaosVerdict verdict, CliConsole console, ChaosSettings settings)
    {
        if (settings.Json)
        {
            console.Out.Flush();
            verdict.WriteJson(Console.OpenStandardOutput());
        }
        else
        {
            var table = new Table().Border(console.IsTerminal ? TableBorder.Rounded : TableBorder.Ascii).Title("chaos verdict");
            table.AddColumn("");
            table.AddColumn("");
            table.HideHeaders();
            foreach (var (label, value) in verdict.Rows()) table.AddRow(Markup.Escape(label), Markup.Escape(value));
            var ansi = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(console.Out),
                Ansi = console.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = console.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            });
            ansi.Write(table);
            console.Out.Flush();
        }
        foreach (var problem in verdict.Tally.Problems) console.Error.WriteLine($"actorproc chaos: {problem}");
        foreach (var note in verdict.Tally.Notes.Where(_ => !settings.Quiet)) console.Error.WriteLine($"actorproc chaos: note: {note}");
        if (verdict.Tally.Checked == 0) console.Error.WriteLine("actorproc chaos: no job completed, so nothing was checked: the verdict is FAIL");
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actorproc chaos: {(verdict.Passed ? "PASS" : "FAIL")} (seed {settings.Seed})"));
    }
}
