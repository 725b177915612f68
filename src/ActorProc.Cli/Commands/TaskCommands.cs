using System.CommandLine;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Tasks;

namespace ActorProc.Cli.Commands;

/// <summary>The built-in tasks' subcommands of <c>run</c>; each turns its arguments into an <see cref="ICliTask"/>.</summary>
internal static class TaskCommands
{
    /// <summary>Names of the built-in tasks, for messages.</summary>
    public static readonly string[] BuiltIn = ["hash", "ipcount", "wordcount", "primes", "sumsq"];

    public static Command Hash(Func<ParseResult, ICliTask, Task<int>> run)
    {
        var paths = Paths("PATH", "Files to hash, or directories with --recursive.");
        var algorithm = new Option<string>("--algorithm", "-a") { Description = "Hash algorithm.", DefaultValueFactory = _ => "sha256" };
        algorithm.AcceptOnlyFromAmong("sha256", "sha1", "md5", "sha512");
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Hash every file under directories (symbolic links to directories are not followed)." };
        var command = new Command("hash", "Hash files in parallel; prints one line per file like sha256sum.") { paths, algorithm, recursive };
        command.SetAction((parse, _) => run(parse, new HashTask(parse.GetValue(paths)!, parse.GetValue(algorithm)!, parse.GetValue(recursive))));
        return command;
    }

    public static Command IpCount(Func<ParseResult, ICliTask, Task<int>> run) => Counting(run, "ipcount", "LOGFILE",
        "Count requests per client address (the first field of each line) over access logs, map-reduce over chunks of lines.",
        () => new FirstFieldCounter());

    public static Command WordCount(Func<ParseResult, ICliTask, Task<int>> run) => Counting(run, "wordcount", "FILE",
        "Count word frequencies (lower-cased, split on anything but letters and digits), map-reduce over chunks of lines.",
        () => new WordCounter());

    public static Command Primes(Func<ParseResult, ICliTask, Task<int>> run)
    {
        var to = ValueParsers.AtLeast("--to", "Count the primes less than or equal to N.", 1, PrimesTask.MaxTo);
        to.Required = true;
        var chunk = ValueParsers.AtLeast("--chunk", "Numbers per task (default: about 16 tasks per worker).", 1, PrimesTask.MaxChunk);
        var command = new Command("primes", "Count primes up to N with a segmented sieve, one range of numbers per task (CPU-bound example).") { to, chunk };
        command.SetAction((parse, _) => run(parse, new PrimesTask(parse.GetValue(to)!.Value, parse.GetValue(chunk))));
        return command;
    }

    public static Command SumSquares(Func<ParseResult, ICliTask, Task<int>> run)
    {
        var n = ValueParsers.AtLeast("--n", "Each task computes sum(i*i for i in range(N)).", 1, SumSquaresTask.MaxN);
        n.Required = true;
        var tasks = ValueParsers.AtLeast("--tasks", "How many times (tasks) to compute it (default 100).", 1, 10_000_000);
        var command = new Command("sumsq", "The seed's sum of squares repeated T times; prints the total (CPU-bound example).") { n, tasks };
        command.SetAction((parse, _) => run(parse, new SumSquaresTask(parse.GetValue(n)!.Value, parse.GetValue(tasks) ?? 100)));
        return command;
    }

    private static Command Counting(Func<ParseResult, ICliTask, Task<int>> run, string name, string helpName, string description, Func<KeyCounter> counter)
    {
        var paths = Paths(helpName, "Text files (any size; lines are read in chunks in parallel).");
        var top = ValueParsers.AtLeast("--top", "Keep only the N most frequent keys (default: all).", 1, int.MaxValue);
        var chunk = ValueParsers.ByteSize("--chunk-size",
            $"Bytes per task, {ValueParsers.Size(LinePlan.Min)}-{ValueParsers.Size(LinePlan.Max)}, e.g. 8MiB (default: automatic, about 4 ranges per worker, {ValueParsers.Size(LinePlan.AutoMin)}-{ValueParsers.Size(LinePlan.AutoMax)}).",
            LinePlan.Min, LinePlan.Max);
        var command = new Command(name, description) { paths, top, chunk };
        command.SetAction((parse, _) => run(parse, new CountTask(name, parse.GetValue(paths)!, (int?)parse.GetValue(top), parse.GetValue(chunk), counter)));
        return command;
    }

    private static Argument<string[]> Paths(string helpName, string description)
    {
        var paths = new Argument<string[]>("paths")
        {
            HelpName = helpName,
            Description = description,
            Arity = ArgumentArity.OneOrMore,
        };
        // The parser hands a mistyped option after a path argument to the argument; say what it is.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                    result.AddError($"Unrecognized option '{token.Value}' (a file whose name starts with '-' can be given as ./{token.Value}).");
            }
        });
        return paths;
    }
}
