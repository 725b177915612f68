using System.Text;
using ActorProc.Reports;

namespace ActorProc.TestKit.Assertions;

/// <summary>Builds the text of a <see cref="JobReportAssertionException"/>: a headline, one line per offending task, the report's summary.</summary>
internal sealed class FailureMessage(string headline)
{
    /// <summary>Beyond this many lines a message says how many more there are: enough to see the pattern, short enough to read.</summary>
    private const int MaxLines = 20;

    private readonly List<string> _lines = [];

    public int Count => _lines.Count;

    public void Add(string line) => _lines.Add(line);

    public void Add<TIn, TOut>(TaskResult<TIn, TOut> task, string? why = null) => Add(Describe(task) + (why is null ? "" : $" — {why}"));

    public JobReportAssertionException ToException(JobReport report)
    {
        var text = new StringBuilder(headline);
        foreach (var line in _lines.Take(MaxLines)) text.AppendLine().Append("  ").Append(line);
        if (_lines.Count > MaxLines) text.AppendLine().Append($"  … and {_lines.Count - MaxLines} more");
        text.AppendLine().Append(report);
        return new JobReportAssertionException(text.ToString());
    }

    /// <summary>One task as "id (input x): Status after n attempt(s): ErrorType: message".</summary>
    public static string Describe<TIn, TOut>(TaskResult<TIn, TOut> task)
    {
        var error = task.Exception is { } e ? $": {e.GetType().Name}: {e.Message}" : "";
        return $"{task.Id} (input {Format(task.Input)}): {task.Status} after {task.Attempts} attempt(s){error}";
    }

    public static string Format<T>(T value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };

    public static string FormatAll<T>(IEnumerable<T> values) => "[" + string.Join(", ", values.Select(Format)) + "]";
}
