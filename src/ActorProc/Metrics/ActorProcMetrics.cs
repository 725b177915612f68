using System.Diagnostics.Metrics;

namespace ActorProc.Metrics;

/// <summary>
/// ActorProc's metrics: every instrument is created by a <see cref="Meter"/> named
/// <see cref="MeterName"/> (System.Diagnostics.Metrics), so any listener that subscribes to that name
/// sees all of them — an OpenTelemetry <c>MeterProviderBuilder.AddMeter(ActorProcMetrics.MeterName)</c>,
/// <c>dotnet-counters monitor --counters ActorProc</c>, or a <see cref="MeterListener"/>.
/// <para>
/// Worker-pool instruments carry the tag <see cref="PoolTag"/> (the pool's name); the cluster
/// instruments (names in <c>ActorProc.Cluster.Metrics.ClusterMetrics</c>) carry the node's address.
/// Names follow the OpenTelemetry conventions (dot-separated, the unit in the instrument's unit, not
/// its name); a Prometheus exporter turns <c>actorproc.tasks.started</c> into
/// <c>actorproc_tasks_started_total</c>. The README's "Metrics" section lists every instrument.
/// </para>
/// <para>
/// Cost: counters are added to once per chunk of tasks, not per task. <see cref="TaskDuration"/> is
/// the exception: while a listener has it enabled, jobs that start time every task (they run as
/// "guarded" chunks, the mode that task timeouts use), which costs a few tens of nanoseconds per task.
/// An OpenTelemetry view that drops the histogram turns that off.
/// </para>
/// </summary>
public static class ActorProcMetrics
{
    /// <summary>The name of the meter every ActorProc instrument belongs to: <c>ActorProc</c>.</summary>
    public const string MeterName = "ActorProc";

    /// <summary>Tag on every pool instrument: the worker pool's name (<c>WorkerPoolOptions.Name</c>, or the generated <c>worker-pool-N</c>).</summary>
    public const string PoolTag = "pool";

    /// <summary>Tag on <see cref="JobsCompletedName"/>: how the job ended (<c>completed</c>, <c>cancelled</c>, <c>deadline_exceeded</c>).</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Counter, <c>{task}</c>: task attempts started by a pool's workers (a retry is a new attempt).</summary>
    public const string TasksStartedName = "actorproc.tasks.started";

    /// <summary>Counter, <c>{task}</c>: tasks that ended succeeded.</summary>
    public const string TasksSucceededName = "actorproc.tasks.succeeded";

    /// <summary>Counter, <c>{task}</c>: tasks that ended failed, after their last attempt.</summary>
    public const string TasksFailedName = "actorproc.tasks.failed";

    /// <summary>Counter, <c>{task}</c>: failed or timed-out attempts that were given another attempt.</summary>
    public const string TasksRetriedName = "actorproc.tasks.retried";

    /// <summary>Counter, <c>{task}</c>: tasks that ended timed out (task timeout on the last attempt, or running at the job's deadline).</summary>
    public const string TasksTimedOutName = "actorproc.tasks.timed_out";

    /// <summary>Counter, <c>{task}</c>: tasks that ended cancelled (the job was cancelled, or not started by its deadline).</summary>
    public const string TasksCancelledName = "actorproc.tasks.cancelled";

    /// <summary>Histogram, seconds: the run time of each task attempt that ended (succeeded, failed, timed out, or retried).</summary>
    public const string TaskDurationName = "actorproc.task.duration";

    /// <summary>Observable up-down counter, <c>{task}</c>: tasks a pool has accepted that wait for a worker — for a retry's backoff, an async permit, or (submitted one by one) in the submission queue.</summary>
    public const string QueueDepthName = "actorproc.pool.queue.depth";

    /// <summary>Observable up-down counter, <c>{task}</c>: tasks handed to a pool's workers and not finished yet (in a worker's mailbox or running).</summary>
    public const string InFlightName = "actorproc.pool.tasks.in_flight";

    /// <summary>Observable up-down counter, <c>{job}</c>: jobs of a pool not yet completed (each task submitted on its own counts as one).</summary>
    public const string JobsRunningName = "actorproc.jobs.running";

    /// <summary>Counter, <c>{job}</c>: jobs that ended, tagged with their <see cref="OutcomeTag"/>.</summary>
    public const string JobsCompletedName = "actorproc.jobs.completed";

    /// <summary>Version reported with the meter (the library's assembly version).</summary>
    internal static readonly string Version = typeof(ActorProcMetrics).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    internal static readonly Meter Meter = new(MeterName, Version);

    internal static readonly Counter<long> TasksStarted = Meter.CreateCounter<long>(TasksStartedName, "{task}", "Task attempts started by the pool's workers (retries included).");
    internal static readonly Counter<long> TasksSucceeded = Meter.CreateCounter<long>(TasksSucceededName, "{task}", "Tasks that ended succeeded.");
    internal static readonly Counter<long> TasksFailed = Meter.CreateCounter<long>(TasksFailedName, "{task}", "Tasks that ended failed after their last attempt.");
    internal static readonly Counter<long> TasksRetried = Meter.CreateCounter<long>(TasksRetriedName, "{task}", "Failed or timed-out attempts given another attempt.");
    internal static readonly Counter<long> TasksTimedOut = Meter.CreateCounter<long>(TasksTimedOutName, "{task}", "Tasks that ended timed out.");
    internal static readonly Counter<long> TasksCancelled = Meter.CreateCounter<long>(TasksCancelledName, "{task}", "Tasks that ended cancelled.");
    internal static readonly Histogram<double> TaskDuration = Meter.CreateHistogram<double>(TaskDurationName, "s", "Run time of each task attempt that ended.");
    internal static readonly Counter<long> JobsCompleted = Meter.CreateCounter<long>(JobsCompletedName, "{job}", "Jobs that ended, by outcome.");

    static ActorProcMetrics()
    {
        Meter.CreateObservableUpDownCounter(QueueDepthName, PoolMetrics.ObserveQueueDepth, "{task}", "Accepted tasks waiting for a worker (retry backoff, async permit, submission queue).");
        Meter.CreateObservableUpDownCounter(InFlightName, PoolMetrics.ObserveInFlight, "{task}", "Tasks handed to workers and not finished (queued in a mailbox or running).");
        Meter.CreateObservableUpDownCounter(JobsRunningName, PoolMetrics.ObserveJobsRunning, "{job}", "Jobs not yet completed (a task submitted on its own counts as one).");
    }

    /// <summary>Creates the instruments (idempotent); called when a pool is created, so listeners see them before the first task.</summary>
    internal static void EnsureCreated() => _ = Meter;
}
