using System.Text;

namespace ActorProc.Cli.Output;

/// <summary>
/// Writes <c>--report-dir</c>: <c>succeeded.txt</c> (one input per line), <c>failed.txt</c> (input,
/// attempts and error, tab-separated) and <c>report.json</c> (the same document <c>--json</c> prints).
/// Every input of the run appears exactly once across the two text files. Tabs, backslashes and line
/// breaks inside an input or message are escaped so each entry stays on one line.
/// </summary>
internal static class ReportDirectoryWriter
{
    public static void Write(RunResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        using (var succeeded = new StreamWriter(Path.Combine(directory, "succeeded.txt"), false, utf8))
        {
            foreach (var input in result.SucceededInputs) succeeded.WriteLine(OneLine(input));
        }
        using (var failed = new StreamWriter(Path.Combine(directory, "failed.txt"), false, utf8))
        {
            foreach (var error in result.Errors) failed.WriteLine($"{OneLine(error.Input)}\t{error.Attempts}\t{OneLine(error.Error)}");
        }
        using var json = File.Create(Path.Combine(directory, "report.json"));
        JsonResultWriter.Write(result, json);
    }

    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny("\\\t\r\n") < 0
            ? text
            : text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");
}
