using ActorProc.Cli.Cluster;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Jobs;
using Spectre.Console;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// Prints a finished durable job the way <c>run</c> prints its job (<see cref="ResultPrinter"/>; the
/// <c>--json</c> document with <c>job_id</c> and <c>reexecuted</c>), writes <c>--report-dir</c>, and
/// returns <c>run</c>'s exit code: 0 all succeeded, 1 some failed (or the report could not be
/// written), 2 the job failed as a whole (an unknown task: nothing ran).
/// </summary>
internal static class JobOutput
{
    public static int Finish(JobStatus status, JobPlan? plan, long started, ClusterSettings settings, string? reportDirectory, CliConsole console, IAnsiConsole? rich)
    {
        if (status.State == JobState.Failed)
        {
            if (settings.Json) ClusterJson.Write(ClusterJson.Job(status), Console.OpenStandardOutput());
            console.Error.WriteLine($"actorproc: job {status.JobId} failed: {status.Error}");
            return ExitCodes.UsageError;
        }
        var result = ClusterResults.ToRunResult(status, plan, started);
        var reportWritten = reportDirectory is null || TryWriteReport(result, status, reportDirectory, console);
        try
        {
            if (settings.Json)
            {
                console.Out.Flush();
                ClusterJson.WriteResult(result, status.JobId, status.Reexecuted, Console.OpenStandardOutput());
            }
            else
            {
                ResultPrinter.Print(result, console, json: false, settings.Quiet, rich, userCancelled: false);
                if (!settings.Quiet) console.Error.WriteLine($"actorproc: job {status.JobId}: {status.Total:N0} tasks, {status.Reexecuted:N0} re-executed");
            }
        }
        catch (IOException)
        {
            // stdout was closed (e.g. `| head`); the exit code still tells the outcome.
        }
        return result.Failed > 0 || !reportWritten ? ExitCodes.TasksFailed : ExitCodes.Success;
    }

    /// <summary>Checks before any work that the report directory can be created.</summary>
    /// <exception cref="UsageException">It cannot.</exception>
    public static void PrepareReportDirectory(string? directory)
    {
        if (directory is null) return;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--report-dir {directory}: {e.Message}");
        }
    }

    private static bool TryWriteReport(RunResult result, JobStatus status, string directory, CliConsole console)
    {
        try
        {
            ReportDirectoryWriter.Write(result, directory);
            using var json = File.Create(Path.Combine(directory, "report.json")); // run's report.json, with job_id and reexecuted
            ClusterJson.WriteResult(result, status.JobId, status.Reexecuted, json);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"actorproc: cannot write the report to {directory}: {e.Message}");
            return false;
        }
    }
}
