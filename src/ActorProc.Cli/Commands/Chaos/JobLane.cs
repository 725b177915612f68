using ActorProc.Cluster.Chaos;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// One lane of a chaos run's workload: submit a job, follow it until it is done, read its results, check
/// them, and submit the next, until the submission window closes. A request that times out (a node died
/// with the entity, the shard is moving) is simply asked again: submitting is idempotent by job id, and
/// reading changes nothing. A job not completed when the lane gives up counts every task as lost.
/// Concurrency contract: each lane is one sequential async loop; lanes share only the thread-safe
/// workload, ledger and client.
/// </summary>
internal sealed class JobLane(ClusterJobClient client, ChaosWorkload workload, ChaosLedger ledger, TextWriter? log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs jobs one after another while <see cref="ChaosLedger.Now"/> is before <paramref name="submitUntil"/>; gives up waiting at <paramref name="giveUpAt"/>.</summary>
    public async Task RunAsync(double submitUntil, double giveUpAt, CancellationToken cancellationToken)
    {
        while (ledger.Now < submitUntil && !cancellationToken.IsCancellationRequested)
        {
            var job = workload.Next();
            var started = ledger.Now;
            if (!await SubmitAsync(job, giveUpAt, cancellationToken).ConfigureAwait(false)) return;
            ledger.Acknowledged(job.Spec.JobId);
            var status = await FollowAsync(job.Spec.JobId, giveUpAt, cancellationToken).ConfigureAwait(false);
            var completed = status is { State: JobState.Completed };
            var latency = ledger.Now - started;
            if (completed) status = await ReadResultsAsync(job.Spec.JobId, giveUpAt, cancellationToken).ConfigureAwait(false);
            var check = JobChecker.Check(job, status);
            if (!check.IsCorrect) log?.WriteLine($"actorproc chaos: {job.Spec.JobId}: {string.Join("; ", check.Problems)}");
            ledger.Finished(check, completed && status is { State: JobState.Completed } ? latency : null);
        }
    }

    /// <summary>True once acknowledged; false when the run ended first (the job then never counted).</summary>
    private async Task<bool> SubmitAsync(ExpectedJob job, double giveUpAt, CancellationToken cancellationToken)
    {
        while (ledger.Now < giveUpAt && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await client.SubmitAsync(job.Spec, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TimeoutException)
            {
                // not journaled in time (or the answer was lost): the same id again never makes two jobs
            }
        }
        return false;
    }

    /// <summary>The job's status once it is done; the last status seen (or null) when <paramref name="giveUpAt"/> came first.</summary>
    private async Task<JobStatus?> FollowAsync(string jobId, double giveUpAt, CancellationToken cancellationToken)
    {
        JobStatus? last = null;
        while (ledger.Now < giveUpAt && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                last = await client.GetJobAsync(jobId, includeResults: false, cancellationToken).ConfigureAwait(false) ?? last;
                if (last is { IsDone: true }) return last;
                if (last is not null) ledger.Progressed(jobId, last.Succeeded + last.Failed);
            }
            catch (TimeoutException)
            {
                // the job's entity is moving to another node; ask again
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
        return last;
    }

    private async Task<JobStatus?> ReadResultsAsync(string jobId, double giveUpAt, CancellationToken cancellationToken)
    {
        do
        {
            try
            {
                return await client.GetJobAsync(jobId, includeResults: true, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // ask again
            }
        }
        while (ledger.Now < giveUpAt && !cancellationToken.IsCancellationRequested);
        return null;
    }
}
