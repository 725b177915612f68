using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorProc.Metrics;

/// <summary>
/// The metrics of one worker pool: its <c>pool</c> tag and the link from the observable instruments
/// (queue depth, in flight, running jobs) to the pool's live jobs.
/// <para>
/// Concurrency contract: the counter methods are called by workers (tasks started) and job actors
/// (outcomes) on their own threads; instruments are thread-safe. The observable callbacks run on the
/// collecting listener's thread and read the registry (a concurrent dictionary) and each job's
/// <see cref="JobControl"/> gauges (volatile reads), so a reading is a snapshot of each job, not of all
/// of them at one instant. A pool registers when it is created and leaves when it has stopped; a pool
/// dropped without being stopped leaves the registry when its object is collected (weak reference).
/// </para>
/// </summary>
internal sealed class PoolMetrics
{
    private static readonly ConcurrentDictionary<PoolMetrics, byte> Live = new();

    private readonly WeakReference<WorkerPool> _pool;

    private PoolMetrics(WorkerPool pool, string name)
    {
        _pool = new WeakReference<WorkerPool>(pool);
        Name = name;
        Tag = new KeyValuePair<string, object?>(ActorProcMetrics.PoolTag, name);
    }

    /// <summary>The pool's name, as tagged.</summary>
    public string Name { get; }

    /// <summary>The <c>pool</c> tag of every measurement of this pool.</summary>
    public KeyValuePair<string, object?> Tag { get; }

    /// <summary>True while a listener records task durations: jobs started then time every task.</summary>
    public static bool DurationsWanted => ActorProcMetrics.TaskDuration.Enabled;

    /// <summary>Creates and registers the metrics of a new pool.</summary>
    public static PoolMetrics Register(WorkerPool pool, string name)
    {
        ActorProcMetrics.EnsureCreated();
        var metrics = new PoolMetrics(pool, name);
        Live.TryAdd(metrics, 0);
        return metrics;
    }

    /// <summary>The pool has stopped: its observable series end.</summary>
    public void Unregister() => Live.TryRemove(this, out _);

    public void TasksStarted(int count)
    {
        if (count > 0) ActorProcMetrics.TasksStarted.Add(count, Tag);
    }

    /// <summary>Outcomes a job actor accounted for since its last call (each argument a difference, never negative).</summary>
    public void Outcomes(long succeeded, long failed, long timedOut, long cancelled, long retried)
    {
        if (succeeded > 0) ActorProcMetrics.TasksSucceeded.Add(succeeded, Tag);
        if (failed > 0) ActorProcMetrics.TasksFailed.Add(failed, Tag);
        if (timedOut > 0) ActorProcMetrics.TasksTimedOut.Add(timedOut, Tag);
        if (cancelled > 0) ActorProcMetrics.TasksCancelled.Add(cancelled, Tag);
        if (retried > 0) ActorProcMetrics.TasksRetried.Add(retried, Tag);
    }

    public void TaskDuration(long stopwatchTicks) =>
        ActorProcMetrics.TaskDuration.Record((double)stopwatchTicks / Stopwatch.Frequency, Tag);

    public void JobCompleted(JobOutcome outcome) =>
        ActorProcMetrics.JobsCompleted.Add(1, Tag, new KeyValuePair<string, object?>(ActorProcMetrics.OutcomeTag, OutcomeName(outcome)));

    private static string OutcomeName(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Completed => "completed",
        JobOutcome.Cancelled => "cancelled",
        JobOutcome.DeadlineExceeded => "deadline_exceeded",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    internal static IEnumerable<Measurement<long>> ObserveQueueDepth() => Observe(static pool => pool.QueuedTasks);

    internal static IEnumerable<Measurement<long>> ObserveInFlight() => Observe(static pool => pool.InFlightTasks);

    internal static IEnumerable<Measurement<long>> ObserveJobsRunning() => Observe(static pool => pool.ActiveJobs);

    private static List<Measurement<long>> Observe(Func<WorkerPool, long> read)
    {
        var measurements = new List<Measurement<long>>(Live.Count);
        foreach (var metrics in Live.Keys)
        {
            if (metrics._pool.TryGetTarget(out var pool)) measurements.Add(new Measurement<long>(read(pool), metrics.Tag));
            else metrics.Unregister();
        }
        return measurements;
    }
}
