using System.Globalization;
using Spectre.Console;

namespace ActorProc.Cli.Output;

/// <summary>
/// The live progress bar shown while a job runs and stdout is a terminal: done/total, failures,
/// rate and ETA, refreshed ten times a second from the <see cref="ProgressTracker"/>. It is removed
/// when the job ends (the summary table replaces it).
/// </summary>
internal static class LiveProgress
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, string title, ProgressTracker tracker, Func<Task<T>> work) =>
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(title), maxValue: 1);
                bar.IsIndeterminate = true;
                var running = work();
                while (!running.IsCompleted)
                {
                    Update(bar, title, tracker);
                    await Task.WhenAny(running, Task.Delay(100)).ConfigureAwait(false);
                }
                Update(bar, title, tracker);
                bar.StopTask();
                return await running.ConfigureAwait(false);
            });

    private static void Update(ProgressTask bar, string title, ProgressTracker tracker)
    {
        if (tracker.Latest is not { } p)
        {
            bar.Description = $"{Markup.Escape(title)} [grey]{Markup.Escape(tracker.Stage)}…[/]";
            return;
        }
        if (p.Total is { } total && total > 0)
        {
            bar.IsIndeterminate = false;
            bar.MaxValue = total;
            bar.Value = p.Completed;
        }
        var failed = p.Failed + p.TimedOut;
        var text = $"{Markup.Escape(title)} {p.Completed.ToString("N0", CultureInfo.InvariantCulture)}{(p.Total is { } t ? "/" + t.ToString("N0", CultureInfo.InvariantCulture) : "")}"
            + (failed > 0 ? $" [red]{failed:N0} failed[/]" : "")
            + (p.Retried > 0 ? $" [yellow]{p.Retried:N0} retried[/]" : "")
            + $" [grey]{p.Throughput.ToString("N0", CultureInfo.InvariantCulture)}/s"
            + (p.Eta is { } eta ? $" ETA {eta.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)}" : "") + "[/]";
        bar.Description = text;
    }
}
