namespace ActorProc.Cli.Tasks;

/// <summary>What one range task of ipcount or wordcount returns: its key counts and line statistics.</summary>
/// <param name="Counts">Count per key in the range (the task's combiner output).</param>
/// <param name="Lines">Non-blank lines read.</param>
/// <param name="Skipped">Non-blank lines without a key.</param>
internal sealed record RangeCounts(Dictionary<string, long> Counts, long Lines, long Skipped);
