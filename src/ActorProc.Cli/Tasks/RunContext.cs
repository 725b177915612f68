using ActorProc.Cli.Commands;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>What a task's runner gets: the pool, the settings, the user's cancellation and the progress sink.</summary>
internal sealed class RunContext
{
    /// <summary>
    /// The worker pool the task runs its job on, still starting when the task begins: a task plans its
    /// inputs first (listing files, measuring them) and awaits the pool only when it has work to give.
    /// Faults with <see cref="UsageException"/> when the configuration turns out invalid.
    /// </summary>
    public required Task<WorkerPool> Pool { get; init; }

    /// <summary>
    /// Awaits <see cref="Pool"/> and moves <paramref name="started"/> (a stopwatch timestamp) later by the
    /// wait, so a run's elapsed time (and the throughput in the summary) counts planning and the job but
    /// not the actor system's start-up.
    /// </summary>
    public async Task<(WorkerPool Pool, long Started)> PoolAsync(long started)
    {
        var waitFrom = System.Diagnostics.Stopwatch.GetTimestamp();
        var pool = await Pool.ConfigureAwait(false);
        return (pool, started + (System.Diagnostics.Stopwatch.GetTimestamp() - waitFrom));
    }

    /// <summary>The pool's settings (configuration and flags merged), known before the pool exists.</summary>
    public required WorkerPoolOptions PoolOptions { get; init; }

    /// <summary>The common options.</summary>
    public required RunSettings Settings { get; init; }

    /// <summary>Cancelled by the first Ctrl+C (or SIGTERM).</summary>
    public required CancellationToken Token { get; init; }

    /// <summary>Receives the job's progress snapshots for the live progress bar, and the task's stage.</summary>
    public required ProgressTracker Progress { get; init; }

    /// <summary>True when the live progress bar is shown; only then does the job report progress.</summary>
    public bool ShowsProgress { get; init; }

    /// <summary>Where <c>--verbose</c> stage messages go (stderr).</summary>
    public required TextWriter Log { get; init; }

    /// <summary>
    /// The job options every task uses: only progress; retries, timeouts and the deadline are the
    /// pool's (configuration and flags merged in <see cref="Hosting.CliRuntime"/>).
    /// </summary>
    public JobOptions JobOptions => new()
    {
        Progress = ShowsProgress ? Progress : null,
        ProgressInterval = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Writes a stage message on stderr when <c>--verbose</c> is on.</summary>
    public void Verbose(string message)
    {
        if (Settings.Verbose) Log.WriteLine($"actorproc: {message}");
    }
}
