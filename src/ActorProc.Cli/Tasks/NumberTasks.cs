using System.Diagnostics;
using System.Globalization;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Builds the <see cref="RunResult"/> of the CPU-bound examples, whose result is one total. The total
/// is only reported when every task succeeded (otherwise <c>results</c> is empty): a sum over some of
/// the ranges would look like an answer and be wrong.
/// </summary>
internal static class NumberTasks
{
    /// <summary>Sums the values of the tasks into one <c>{"output": total}</c> result when all succeeded.</summary>
    public static RunResult Total<TIn>(string task, JobReport<TIn, Int128> report, long started, string unit)
    {
        Int128 total = 0;
        var succeeded = new List<string>();
        var errors = new List<InputError>();
        foreach (var t in report.Tasks)
        {
            var input = Convert.ToString(t.Input, CultureInfo.InvariantCulture) ?? "";
            if (t.Succeeded)
            {
                total += t.Value;
                succeeded.Add(input);
            }
            else errors.Add(new InputError(input, ErrorText.Describe(t.Exception, t.Status), t.Attempts));
        }
        IReadOnlyList<ResultItem> results = errors.Count == 0 && report.AllSucceeded ? [new TotalItem(total.ToString(CultureInfo.InvariantCulture))] : [];
        return RunResult.From(task, report, started, results, errors, succeeded, unit);
    }
}
