using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// The files of a counting run, each in exactly one of <see cref="Succeeded"/> and <see cref="Errors"/>
/// (in input order), from the plan and the map-reduce's groups (a group is a file).
/// </summary>
/// <param name="Succeeded">Files whose every range succeeded (an empty file has none and succeeds).</param>
/// <param name="Errors">Files that could not be opened, had a range that did not succeed, or were never reached (cancelled).</param>
/// <param name="Lines">Line statistics over the succeeded files.</param>
internal sealed record FileOutcomes(IReadOnlyList<string> Succeeded, IReadOnlyList<InputError> Errors, LineTotals Lines)
{
    public static FileOutcomes Of(LinePlan.Plan plan, MapReduceReport<LineRange, LineTotals, int, string, long> report)
    {
        var groups = report.Groups.ToDictionary(static g => g.Group);
        var succeeded = new List<string>();
        var errors = new List<InputError>();
        for (var i = 0; i < plan.Files.Count; i++)
        {
            var path = plan.Files[i];
            if (plan.Unreadable.TryGetValue(i, out var unreadable)) errors.Add(unreadable);
            else if (groups.TryGetValue(i, out var group))
            {
                if (group.IsSucceeded) succeeded.Add(path);
                else if (group.FirstFailure is { } failure) errors.Add(new InputError(path, ErrorText.Describe(failure.Exception, failure.Status), failure.Attempts));
                else errors.Add(new InputError(path, ErrorText.Cancelled, 0)); // cut short before all its ranges were read
            }
            else if (plan.RangesOf(i) == 0) succeeded.Add(path); // empty: nothing to count
            else errors.Add(new InputError(path, ErrorText.Cancelled, 0)); // never reached: the run ended first
        }
        long lines = 0, skipped = 0;
        foreach (var range in report.Inputs)
        {
            if (!range.Succeeded || !groups[range.Input.File].IsSucceeded) continue;
            lines += range.Value.Lines;
            skipped += range.Value.Skipped;
        }
        return new FileOutcomes(succeeded, errors, new LineTotals(lines, skipped));
    }
}
