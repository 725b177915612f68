using System.CommandLine;
using System.Globalization;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;
using ActorProc.Cli.Tasks;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// Plans the inputs of a <c>submit</c> the way <c>run</c> plans them, from the same parsed arguments
/// (the task subcommands are <c>run</c>'s own): sumsq's T tasks, primes' ranges, hash's files (walked
/// with <c>--recursive</c>), ipcount/wordcount's byte ranges. Paths become absolute, since nodes
/// resolve them from their own working directory; the files must be readable by the nodes.
/// </summary>
internal static class JobPlanner
{
    /// <exception cref="UsageException">An input is unusable (the same checks as <c>run</c>).</exception>
    public static JobPlan Plan(string task, ParseResult parse, CancellationToken cancellationToken) => task switch
    {
        "sumsq" => SumSquares(parse),
        "primes" => Primes(parse),
        "hash" => Hash(parse, cancellationToken),
        "ipcount" or "wordcount" => Count(task, parse, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Not a built-in task."),
    };

    private static JobPlan SumSquares(ParseResult parse)
    {
        var n = parse.GetValue<long?>("--n")!.Value;
        var tasks = parse.GetValue<long?>("--tasks") ?? 100;
        var input = ClusterInputs.Range(0, n);
        // As in run: every task computes the same sum, and a task is named by its index.
        return new JobPlan("sumsq", Enumerable.Repeat(input, checked((int)tasks)).ToArray(), i => i.ToString(CultureInfo.InvariantCulture), []);
    }

    private static JobPlan Primes(ParseResult parse)
    {
        var to = parse.GetValue<long?>("--to")!.Value;
        // run sizes ranges by its worker count; the cluster's is unknown here, so this machine's cores stand in (the count is the same either way).
        var size = parse.GetValue<long?>("--chunk") ?? Math.Clamp(to / (Environment.ProcessorCount * 16L), 10_000, PrimesTask.MaxChunk);
        var ranges = new List<(long Low, long High)>();
        for (long low = 1; low <= to; low += size) ranges.Add((low, Math.Min(to, low + size - 1)));
        return new JobPlan("primes", ranges.Select(r => ClusterInputs.Range(r.Low, r.High)).ToArray(), i => $"[{ranges[i].Low}, {ranges[i].High}]", []) { Unit = "ranges" };
    }

    private static JobPlan Hash(ParseResult parse, CancellationToken cancellationToken)
    {
        var algorithm = parse.GetValue<string>("--algorithm") ?? "sha256";
        var expansion = FileInputs.Expand(parse.GetValue<string[]>("paths")!, parse.GetValue<bool>("--recursive"), cancellationToken);
        var files = expansion.Files;
        return new JobPlan("hash", files.Select(f => ClusterInputs.File(algorithm, Path.GetFullPath(f))).ToArray(), i => files[i], expansion.Unlisted) { Unit = "files" };
    }

    private static JobPlan Count(string task, ParseResult parse, CancellationToken cancellationToken)
    {
        var plan = LinePlan.Create(parse.GetValue<string[]>("paths")!, parse.GetValue<long?>("--chunk-size"), Environment.ProcessorCount, cancellationToken);
        var inputs = new List<string>();
        var fileOf = new List<int>();
        foreach (var range in plan.Ranges())
        {
            inputs.Add(ClusterInputs.Span(Path.GetFullPath(range.Path), range.Start, range.End - range.Start));
            fileOf.Add(range.File);
        }
        return new JobPlan(task, inputs, i => plan.Files[fileOf[i]], [])
        {
            Unit = "files",
            Files = new CountedFiles(plan.Files, fileOf, plan.Unreadable, plan.Bytes),
            Top = (int?)parse.GetValue<long?>("--top"),
        };
    }

    /// <summary>A plugin task: its inputs as given (arguments, then <c>--inputs-from</c> lines).</summary>
    /// <exception cref="UsageException">There are no inputs, or the --inputs-from file is missing.</exception>
    public static JobPlan Plugin(string task, IReadOnlyList<string> arguments, string? inputsFile)
    {
        List<string> inputs = [.. arguments];
        if (inputsFile is not null)
        {
            if (inputsFile != "-" && !File.Exists(inputsFile)) throw new UsageException($"--inputs-from {inputsFile}: no such file.");
            if (inputsFile == "-")
            {
                while (Console.In.ReadLine() is { } line) inputs.Add(line);
            }
            else inputs.AddRange(File.ReadLines(inputsFile));
            inputs.RemoveAll(static l => l.Length == 0);
        }
        if (inputs.Count == 0) throw new UsageException($"task '{task}' needs inputs: give them as arguments or with --inputs-from FILE.");
        return new JobPlan(task, inputs, i => inputs[i], []);
    }
}
