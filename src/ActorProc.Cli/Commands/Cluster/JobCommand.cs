using System.CommandLine;
using System.Diagnostics;
using ActorProc.Cli.Cluster;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// <c>actorproc job &lt;id&gt; --cluster host:port</c>: a job's result once it is done (printed, reported
/// and exit-coded like <c>submit</c>; tasks without a path in their output are named by index), or its
/// state and counts while it runs (<c>--wait</c> follows it to the end). Exit 2 when no job has the id.
/// </summary>
internal static class JobCommand
{
    public static Command Create(CliConsole console)
    {
        var cluster = new ClusterOptions();
        var id = new Argument<string>("id") { Description = "The job's id (printed by submit)." };
        var wait = new Option<bool>("--wait") { Description = "Follow a running job until it is done, then print its results." };
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Write succeeded.txt, failed.txt and report.json of a finished job into this directory.", HelpName = "DIR" };
        var command = new Command("job", "Show a job of the cluster: its results once done, else its state and counts.") { id, wait, reportDirectory };
        cluster.AddTo(command);
        command.SetAction((parse, _) => ShowAsync(parse.GetValue(id)!, parse.GetValue(wait), parse.GetValue(reportDirectory), cluster.Read(parse), console));
        return command;
    }

    private static async Task<int> ShowAsync(string jobId, bool wait, string? reportDirectory, ClusterSettings settings, CliConsole console)
    {
        using var cancel = new CancelSignal(settings.Quiet ? null : console.Error);
        try
        {
            JobOutput.PrepareReportDirectory(reportDirectory);
            var client = await ClusterConnection.ConnectAsync(settings, cancel.Token).ConfigureAwait(false);
            try
            {
                var started = Stopwatch.GetTimestamp();
                var status = await client.GetJobAsync(jobId, includeResults: true, cancel.Token).ConfigureAwait(false);
                if (status is null)
                {
                    console.Error.WriteLine($"actorproc: no job '{jobId}' in the cluster at {string.Join(",", settings.ContactPoints)}");
                    return ExitCodes.UsageError;
                }
                if (!status.IsDone && wait)
                    status = await new JobWatcher(client, jobId, new ProgressTracker(), settings.Verbose ? console.Error : null).WaitAsync(cancel.Token).ConfigureAwait(false);
                if (status.IsDone) return JobOutput.Finish(status, null, started, settings, reportDirectory, console, rich: null);
                if (settings.Json)
                {
                    console.Out.Flush();
                    ClusterJson.Write(ClusterJson.Job(status), Console.OpenStandardOutput());
                }
                else console.Out.WriteLine(JobWatcher.Line(status)["actorproc: ".Length..]);
                return ExitCodes.Success;
            }
            finally
            {
                await ClusterConnection.LeaveAsync(client, settings.Verbose ? console.Error : null).ConfigureAwait(false);
            }
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"actorproc: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is ClusterUnreachableException or TimeoutException)
        {
            console.Error.WriteLine($"actorproc: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancel.Requested)
        {
            return ExitCodes.Cancelled;
        }
    }
}
