using System.CommandLine;
using ActorProc.Bench.Harness;
using ActorProc.Bench.Scenarios;

namespace ActorProc.Bench;

/// <summary>
/// The command line: one subcommand per scenario, plus <c>all</c>. Kept separate from
/// <see cref="Program"/> so tests run scenarios in-process with their own writers.
/// </summary>
public static class BenchProgram
{
    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen scenario. The table or JSON document
    /// goes to <paramref name="stdout"/>; progress and errors to <paramref name="stderr"/>.
    /// Returns 0 when every round verified its result, 2 when one did not, 1 on usage errors.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var session = new BenchSession(stdout, stderr);
        IScenario[] scenarios =
        [
            new Pool(), new Cpu(), new AsyncWait(), new Submit(), new Hash(), new IpCount(),
            new LogLimiter(),
        ];
        IScenario[] cluster = [new ClusterThroughput(), new ClusterRequestReply(), new ClusterFailover(), new ClusterScaling()];

        var root = new RootCommand("ActorProc benchmarks: each subcommand runs ActorProc and its baselines on the same workload, interleaved, and reports median, min and max.");
        foreach (var option in common.All)
        {
            root.Options.Add(option);
        }

        foreach (var scenario in scenarios.Concat(cluster))
        {
            root.Subcommands.Add(CreateCommand(scenario, common, session));
        }

        root.Subcommands.Add(CreateAllCommand("all", "Runs every scenario at its default size (or --quick size), one after another; --json prints an array of documents.", [.. scenarios, .. cluster], common, session));
        root.Subcommands.Add(CreateAllCommand("cluster", "Runs cluster-throughput, cluster-request-reply, cluster-failover and cluster-scaling (node processes on loopback), one after another; --json prints an array of documents.", cluster, common, session));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command CreateCommand(IScenario scenario, CommonOptions common, BenchSession session)
    {
        var command = new Command(scenario.Name, scenario.Summary);
        foreach (var option in scenario.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            session.WarnIfServerGcMissing(parse.GetValue(common.ServerGc));
            var bench = scenario.Define(new SizeReader(parse, parse.GetValue(common.Quick)));
            return session.Print([session.Measure(bench, common.Read(parse, bench))], parse.GetValue(common.Json), asArray: false);
        });
        return command;
    }

    private static Command CreateAllCommand(string name, string description, IReadOnlyList<IScenario> scenarios, CommonOptions common, BenchSession session)
    {
        var command = new Command(name, description);
        command.SetAction(parse =>
        {
            session.WarnIfServerGcMissing(parse.GetValue(common.ServerGc));
            var quick = parse.GetValue(common.Quick);
            var reports = scenarios
                .Select(s => s.Define(new SizeReader(null, quick)))
                .Select(bench => session.Measure(bench, common.Read(parse, bench)))
                .ToArray();
            return session.Print(reports, parse.GetValue(common.Json), asArray: true);
        });
        return command;
    }
}
