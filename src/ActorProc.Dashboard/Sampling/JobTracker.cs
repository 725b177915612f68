using ActorProc.Cluster.Jobs;

namespace ActorProc.Dashboard.Sampling;

/// <summary>
/// What the dashboard remembers about jobs between status samples: the running jobs, the recent jobs
/// (seen since the dashboard started, with their final state), the latest failures, and the throughput
/// history. Throughput is derived from successive samples: the tasks that became done (succeeded or
/// failed) in every job since the previous sample, over the time between the samples. Jobs already in
/// the first sample count from there on (their earlier tasks were done before the dashboard looked); a
/// job that appears later counts all its done tasks, since they were done since the previous sample.
/// Concurrency contract: not thread-safe; the sampler calls it from its status loop only, and publishes
/// the immutable <see cref="JobsView"/> it returns.
/// </summary>
internal sealed class JobTracker(TimeSpan throughputWindow)
{
    public const int RecentKept = 20;
    public const int FailuresKept = 50;

    private readonly Dictionary<string, JobView> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _doneSeen = new(StringComparer.Ordinal);
    private readonly LinkedList<JobView> _recent = new();
    private readonly LinkedList<FailureView> _failures = new();
    private readonly Queue<ThroughputPoint> _throughput = new();
    private readonly HashSet<(string JobId, long Index)> _failureKeys = [];
    private DateTimeOffset? _lastSample;
    private long _doneSinceLastSample;

    /// <summary>
    /// The jobs to ask for their state this sample: the live ones not known to be done, and the running
    /// ones out of sight (finished and passivated, or their shard is moving).
    /// </summary>
    public IReadOnlyList<string> ToAsk(IEnumerable<string> live) =>
        live.Where(id => !IsKnownDone(id)).Union(_running.Keys, StringComparer.Ordinal).ToArray();

    /// <summary>True for a job listed among the recent jobs: its state is final, it need not be asked again.</summary>
    public bool IsKnownDone(string jobId) => _recent.Any(j => j.Id == jobId);

    /// <summary>A job that is not done yet (listed, or asked for after it dropped out of the list).</summary>
    public void Running(JobStatus job, DateTimeOffset now)
    {
        var firstSeen = _running.TryGetValue(job.JobId, out var known) ? known.FirstSeen : now;
        _running[job.JobId] = ToView(job, firstSeen, finishedAt: null);
        CountDone(job);
        AddFailures(job, now);
    }

    /// <summary>A job that has completed or failed: it moves to the recent jobs and its failed tasks to the failures.</summary>
    public void Finished(JobStatus job, DateTimeOffset now)
    {
        if (IsKnownDone(job.JobId)) return;
        var firstSeen = _running.Remove(job.JobId, out var known) ? known.FirstSeen : now;
        CountDone(job);
        _doneSeen.Remove(job.JobId);
        _recent.AddFirst(ToView(job, firstSeen, now));
        TrimRecent();
        AddFailures(job, now);
        if (job.State == JobState.Failed && job.Error is { } error)
            AddFailure(new FailureView(job.JobId, -1, null, error, now)); // the job as a whole could not run
    }

    /// <summary>A job that was running and is no longer known to the cluster (its journal was wiped).</summary>
    public void Vanished(string jobId, DateTimeOffset now)
    {
        if (!_running.Remove(jobId, out var known)) return;
        _doneSeen.Remove(jobId);
        _recent.AddFirst(known with { State = "unknown", FinishedAt = now });
        TrimRecent();
    }

    /// <summary>The job's latest failed tasks with their inputs (the job keeps the latest <see cref="JobStatus.MaxRecentFailures"/>, newest last).</summary>
    private void AddFailures(JobStatus job, DateTimeOffset now)
    {
        foreach (var failure in job.RecentFailures)
            AddFailure(new FailureView(job.JobId, failure.Index, failure.Input, failure.Error, now));
    }

    /// <summary>Adds a failed task unless it is listed already (the same task is reported by every later sample).</summary>
    public void AddFailure(FailureView failure)
    {
        if (!_failureKeys.Add((failure.JobId, failure.Index))) return;
        _failures.AddFirst(failure);
        // The key stays when the failure scrolls off: a running job reports its latest failures every
        // sample, and a failure seen once must not come back as new. Keys go with their job (Forget).
        while (_failures.Count > FailuresKept) _failures.RemoveLast();
    }

    /// <summary>Closes the sample: adds a throughput point and returns everything as an immutable view.</summary>
    public JobsView Complete(IReadOnlyList<ShardView> shards, DateTimeOffset now, string? error)
    {
        if (_lastSample is { } last && now > last)
        {
            _throughput.Enqueue(new ThroughputPoint(now, _doneSinceLastSample / (now - last).TotalSeconds));
            while (_throughput.Count > 0 && now - _throughput.Peek().Time > throughputWindow) _throughput.Dequeue();
        }
        _lastSample = now;
        _doneSinceLastSample = 0;
        return new JobsView(shards, _running.Values.OrderBy(j => j.FirstSeen).ThenBy(j => j.Id, StringComparer.Ordinal).ToArray(),
            [.. _recent], [.. _throughput], [.. _failures], now, error);
    }

    /// <summary>The view after a failed status query: what was known, with the error and no new throughput point.</summary>
    public JobsView Stale(JobsView previous, string error) => previous with { Error = error };

    /// <summary>Keeps the latest recent jobs; a job dropped from them is forgotten (its failure keys too).</summary>
    private void TrimRecent()
    {
        while (_recent.Count > RecentKept)
        {
            var dropped = _recent.Last!.Value.Id;
            _recent.RemoveLast();
            _failureKeys.RemoveWhere(k => k.JobId == dropped);
        }
    }

    private void CountDone(JobStatus job)
    {
        var done = job.Succeeded + job.Failed;
        // First sight in the first sample: a baseline (the tasks were done before the dashboard looked).
        if (_doneSeen.TryGetValue(job.JobId, out var before) || _lastSample is not null) _doneSinceLastSample += Math.Max(0, done - before);
        _doneSeen[job.JobId] = Math.Max(done, before);
    }

    private static JobView ToView(JobStatus job, DateTimeOffset firstSeen, DateTimeOffset? finishedAt) =>
        new(job.JobId, job.TaskName, job.State.ToString().ToLowerInvariant(), job.Total, job.Succeeded, job.Failed, job.Reexecuted,
            job.Error, firstSeen, finishedAt);
}
