using System.CommandLine;
using System.Globalization;

namespace ActorProc.Cli.Commands;

/// <summary><c>--isolate processes[=N]</c>: run the tasks in N child worker processes (0 stands for "one per worker").</summary>
internal static class IsolateOption
{
    private const string Name = "--isolate";

    public static Option<int?> Create() => new(Name)
    {
        Description = "Run the tasks in child worker processes on loopback, supervised by this one: processes (one per worker) or processes=N. A task that crashes its process costs that process, not the job (sumsq, primes, hash and plugin tasks).",
        HelpName = "processes[=N]",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (text == "processes") return 0;
            const string prefix = "processes=";
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                result.AddError($"{Name} {text}: expected processes or processes=N (only process isolation exists; threads are what runs without {Name}).");
                return null;
            }
            var count = text[prefix.Length..];
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 256)
            {
                result.AddError($"{Name} {text}: N must be a whole number from 1 to 256 (got '{count}').");
                return null;
            }
            return n;
        },
    };
}
