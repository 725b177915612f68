using ActorProc.Cli.Tasks;
using Spectre.Console;

namespace ActorProc.Cli.Output;

/// <summary>
/// Prints a <see cref="RunResult"/> in one of three forms. <c>--json</c>: the one JSON document on
/// stdout, nothing else. Terminal: result lines (or a table of the top keys), then a summary table.
/// Pipe or file: result lines on stdout, and on stderr one line per error and a one-line summary, so
/// stdout holds only results (e.g. <c>sha256sum -c</c> can check the hash output). Inputs that were
/// cancelled (never run, or stopped by Ctrl+C or the deadline) are not listed one per line on stderr —
/// after a Ctrl+C that was thousands of lines — but counted in one; with <c>--quiet</c> after a Ctrl+C
/// not even that (the user knows; exit 130 says it). They are all in <c>--json</c> and <c>--report-dir</c>.
/// </summary>
internal static class ResultPrinter
{
    public static void Print(RunResult result, CliConsole console, bool json, bool quiet, IAnsiConsole? rich, bool userCancelled)
    {
        if (json)
        {
            console.Out.Flush();
            var stdout = Console.OpenStandardOutput();
            JsonResultWriter.Write(result, stdout);
            stdout.Flush();
            return;
        }
        var cancelled = 0;
        foreach (var error in result.Errors)
        {
            if (error.Error == ErrorText.Cancelled) cancelled++;
            else console.Error.WriteLine($"actorproc: {error.Input}: {error.Error}");
        }
        if (cancelled > 0 && !(quiet && userCancelled))
            console.Error.WriteLine($"actorproc: {cancelled:N0} {(cancelled == 1 ? "input" : "inputs")} cancelled before finishing (listed with --json or --report-dir)");
        if (rich is not null && !quiet) PrintRich(result, console, rich);
        else
        {
            foreach (var item in result.Results) console.Out.WriteLine(item.ToText());
            if (!quiet) console.Error.WriteLine(Summary.Line(result));
        }
    }

    private static void PrintRich(RunResult result, CliConsole plain, IAnsiConsole console)
    {
        var shown = result.TerminalLimit is { } limit ? result.Results.Take(limit).ToList() : result.Results;
        if (shown.Count > 0 && shown[0] is KeyCountItem)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"top {shown.Count} of {result.DistinctKeys:N0}");
            table.AddColumn(new TableColumn("#").RightAligned());
            table.AddColumn("key");
            table.AddColumn(new TableColumn("count").RightAligned());
            var rank = 0;
            foreach (var item in shown.Cast<KeyCountItem>()) table.AddRow((++rank).ToString(), Markup.Escape(item.Key), item.Count.ToString("N0"));
            console.Write(table);
            if (shown.Count < result.Results.Count)
                console.MarkupLine($"[grey]{result.Results.Count - shown.Count:N0} more; use --top N, or pipe the output, or --json, to see them.[/]");
        }
        else
        {
            // Written as-is (not through Spectre, which would wrap long paths), so a line can be copied.
            foreach (var item in shown) plain.Out.WriteLine(item.ToText());
        }
        var summary = new Table().Border(TableBorder.Rounded).HideHeaders();
        summary.AddColumn("metric");
        summary.AddColumn(new TableColumn("value").RightAligned());
        foreach (var (label, value) in Summary.Rows(result))
        {
            var text = Markup.Escape(value);
            if (label == "failed" && result.Failed > 0) text = $"[red]{text}[/]";
            if (label == "outcome" && result.Outcome != JobOutcome.Completed) text = $"[yellow]{text}[/]";
            summary.AddRow(Markup.Escape(label), text);
        }
        console.Write(summary);
    }
}
