namespace ActorProc.Cli.Output;

/// <summary>
/// Keeps the latest <see cref="JobProgress"/> of the running job for the live progress bar.
/// Concurrency contract: <see cref="Report"/> is called by the job's actor, <see cref="Latest"/>
/// is read by the display loop; the snapshot is an immutable record published with a volatile write,
/// so a reader sees either the previous or the new snapshot, never a torn one.
/// </summary>
internal sealed class ProgressTracker : IProgress<JobProgress>
{
    private JobProgress? _latest;
    private string _stage = "starting";

    /// <summary>The most recent snapshot, or null before the job's first report.</summary>
    public JobProgress? Latest => Volatile.Read(ref _latest);

    /// <summary>What the task is doing before or after its job runs ("listing files", "merging").</summary>
    public string Stage
    {
        get => Volatile.Read(ref _stage);
        set => Volatile.Write(ref _stage, value);
    }

    /// <inheritdoc />
    public void Report(JobProgress value) => Volatile.Write(ref _latest, value);
}
