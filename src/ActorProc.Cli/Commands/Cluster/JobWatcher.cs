using System.Diagnostics;
using System.Globalization;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// Follows a durable job until it is done by polling its state (a job's counts live in its entity on
/// some node; there is no completion event a client can await across the wire), feeding the live
/// progress bar and, with <c>--verbose</c>, a line on stderr whenever the counts change. A request that
/// times out (the job's node just died and its shard is moving) is asked again, not an error.
/// </summary>
internal sealed class JobWatcher(ClusterJobClient client, string jobId, ProgressTracker progress, TextWriter? log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _lastLine = "";

    /// <summary>The job once it is done, with every task's result when it completed.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (Ctrl+C); the job goes on in the cluster.</exception>
    /// <exception cref="InvalidOperationException">The job disappeared (a journal that was wiped).</exception>
    public async Task<JobStatus> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await AskAsync(includeResults: false, cancellationToken).ConfigureAwait(false);
            Report(status);
            if (status.IsDone)
                return status.State == JobState.Completed ? await AskAsync(includeResults: true, cancellationToken).ConfigureAwait(false) : status;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JobStatus> AskAsync(bool includeResults, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await client.GetJobAsync(jobId, includeResults, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The cluster no longer knows job '{jobId}'.");
            }
            catch (TimeoutException e)
            {
                log?.WriteLine($"actorproc: job {jobId}: {e.Message} Asking again.");
            }
        }
    }

    private void Report(JobStatus s)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var done = s.Succeeded + s.Failed;
        var rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        TimeSpan? eta = done > 0 && rate > 0 ? TimeSpan.FromSeconds((s.Total - done) / rate) : null;
        progress.Report(new JobProgress(s.JobId, done, s.Succeeded, s.Failed, 0, 0, s.Reexecuted, 0, s.Total, elapsed, rate, eta, s.IsDone));
        progress.Stage = s.State.ToString().ToLowerInvariant();
        var line = Line(s);
        if (log is null || line == _lastLine) return;
        _lastLine = line;
        log.WriteLine(line);
    }

    /// <summary>One line of progress; tests wait for "running" with a count above zero.</summary>
    public static string Line(JobStatus s) => string.Create(CultureInfo.InvariantCulture,
        $"actorproc: job {s.JobId}: {s.State.ToString().ToLowerInvariant()}, {s.Succeeded + s.Failed:N0}/{s.Total:N0} done ({s.Failed:N0} failed, {s.Reexecuted:N0} re-executed)");
}
