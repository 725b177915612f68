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
        ];

        var root = new RootCommand("ActorProc benchmarks: each subcommand runs ActorProc and its baselines on the same workload, interleaved, and reports median, min and max.");
        foreach (var option in common.All)
        {
            root.Options.Add(option);
        }

        foreach (var scenario in scenarios)
        {
            root.Subcommands.Add(CreateCommand(scenario, common, session));
        }

        root.Subcommands.Add(CreateAllCommand(scenarios, common, session));
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
            var settings = common.Read(parse);
            var bench = scenario.Define(new SizeReader(parse, settings.Quick));
            return session.Print([session.Measure(bench, settings)], parse.GetValue(common.Json), asArray: false);
        });
        return command;
    }

    private static Command CreateAllCommand(IReadOnlyList<IScenario> scenarios, CommonOptions common, BenchSession session)
    {
        var command = new Command("all", "Runs every scenario at its default size (or --quick size), one after another; --json prints an array of documents.");
        command.SetAction(parse =>
        {
            session.WarnIfServerGcMissing(parse.GetValue(common.ServerGc));
            var settings = common.Read(parse);
            var reports = scenarios
                .Select(s => session.Measure(s.Define(new SizeReader(null, settings.Quick)), settings))
                .ToArray();
            return session.Print(reports, parse.GetValue(common.Json), asArray: true);
        });
        return command;
    }
}
