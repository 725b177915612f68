using ActorProc.Jobs;

namespace ActorProc.Reports;

/// <summary>
/// What happened in a job: how it ended, counts per final state, and every task's outcome (each input
/// of the job exactly once, in input order). <see cref="WriteTo"/> saves it as files. This base type
/// carries no static input/output types; <see cref="JobReport{TIn,TOut}"/> adds typed results.
/// </summary>
public abstract class JobReport
{
    private protected JobReport(JobCompletion completion)
    {
        JobId = completion.JobId;
        Outcome = completion.Outcome;
        StartedAt = completion.StartedAt;
        Elapsed = completion.Elapsed;
        Total = completion.Total;
        Succeeded = completion.Succeeded;
        Failed = completion.Failed;
        TimedOut = completion.TimedOut;
        Cancelled = completion.Cancelled;
        Retries = completion.Retries;
        PeakInFlight = completion.PeakInFlight;
        Reason = completion.Reason;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>How the job ended.</summary>
    public JobOutcome Outcome { get; }

    /// <summary>When the job started (UTC).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How long the job ran.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Number of tasks in the report (inputs read; for a cancelled job over a lazy source, inputs never read are not included).</summary>
    public long Total { get; }

    /// <summary>Tasks that succeeded.</summary>
    public long Succeeded { get; }

    /// <summary>Tasks that failed on their last attempt.</summary>
    public long Failed { get; }

    /// <summary>Tasks that timed out on their last attempt.</summary>
    public long TimedOut { get; }

    /// <summary>Tasks cancelled before they finished.</summary>
    public long Cancelled { get; }

    /// <summary>Retries made (attempts after a task's first).</summary>
    public long Retries { get; }

    /// <summary>
    /// The largest number of inputs in flight the job reached. Never above its window where the window
    /// applies (enumerated sources, and streams); a list source whose outcomes are all kept anyway runs
    /// unwindowed, so there it can be the whole list.
    /// </summary>
    public long PeakInFlight { get; }

    /// <summary>Why the job ended early (cancelled, deadline), or null.</summary>
    public string? Reason { get; }

    /// <summary>True when every task succeeded and the job ran to its end.</summary>
    public bool AllSucceeded => Outcome == JobOutcome.Completed && Succeeded == Total;

    /// <summary>Every task's outcome, in input order.</summary>
    public abstract IReadOnlyList<ITaskResult> Results { get; }

    /// <summary>The tasks that did not succeed, in input order.</summary>
    public IEnumerable<ITaskResult> Failures => Results.Where(static r => r.Status != TaskOutcome.Succeeded);

    /// <summary>
    /// Writes the report into <paramref name="directory"/> (created if needed): <c>succeeded.txt</c> (one
    /// input per line), <c>failed.txt</c> (one line per task that did not succeed: input, status, error
    /// type and message, tab-separated) and <c>report.json</c> (everything, including values). Inputs
    /// and errors are written on one line each (line breaks and tabs escaped); values go through
    /// System.Text.Json. Existing files are replaced.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="IOException">The files cannot be written.</exception>
    public void WriteTo(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The report directory must not be empty.", nameof(directory));
        Directory.CreateDirectory(directory);
        JobReportWriter.Write(this, directory);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Job {JobId} {Outcome} in {Elapsed.TotalSeconds:0.###} s: {Total} tasks, {Succeeded} succeeded, {Failed} failed, {TimedOut} timed out, {Cancelled} cancelled, {Retries} retries";
}
