using System.CommandLine;

namespace ActorProc.Bench.Harness;

/// <summary>Options every subcommand accepts (declared once on the root, recursive).</summary>
internal sealed class CommonOptions
{
    /// <summary>Measured rounds per contender.</summary>
    public Option<int?> Rounds { get; } = SizeReader.Positive("--rounds", "Measured rounds per contender, interleaved (default 5; 2 with --quick).", 1);

    /// <summary>Warm-up rounds per contender.</summary>
    public Option<int?> Warmup { get; } = SizeReader.Positive("--warmup", "Un-measured warm-up rounds per contender, run first (default 1).", 0);

    /// <summary>Print one JSON document instead of the table.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON document on stdout (progress goes to stderr)." };

    /// <summary>Tiny sizes for smoke tests.</summary>
    public Option<bool> Quick { get; } = new("--quick") { Description = "Tiny sizes, 1 warm-up and 2 measured rounds: a smoke test, not a measurement." };

    /// <summary>Seconds after which a round that has not finished fails the run.</summary>
    public Option<int?> RoundTimeout { get; } = SizeReader.Positive("--round-timeout", "Seconds after which an unfinished round fails the run (default 120).", 1);

    /// <summary>Re-execute with the server GC (handled by Program before parsing; declared for --help).</summary>
    public Option<bool> ServerGc { get; } = new("--server-gc") { Description = "Re-execute this program with DOTNET_gcServer=1 (server GC)." };

    /// <summary>All options, to add to the root command.</summary>
    public IEnumerable<Option> All => [Rounds, Warmup, Json, Quick, RoundTimeout, ServerGc];

    /// <summary>Marks every option recursive so it is accepted after any subcommand.</summary>
    public CommonOptions()
    {
        foreach (var option in All)
        {
            option.Recursive = true;
        }
    }

    /// <summary>Reads the round settings from a parse result; the bench's own defaults stand in for options not given.</summary>
    public RunSettings Read(ParseResult parse, BenchDefinition bench)
    {
        var quick = parse.GetValue(Quick);
        return new RunSettings(
            WarmupRounds: parse.GetValue(Warmup) ?? bench.DefaultWarmupRounds ?? 1,
            Rounds: parse.GetValue(Rounds) ?? bench.DefaultRounds ?? (quick ? 2 : 5),
            RoundTimeout: TimeSpan.FromSeconds(parse.GetValue(RoundTimeout) ?? 120),
            Quick: quick);
    }
}
